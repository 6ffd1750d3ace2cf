using Microsoft.EntityFrameworkCore;
using Platform.Application.Common.Email;
using Platform.Domain.Common;
using Platform.Infrastructure.Persistence;

namespace Platform.Infrastructure.Email;

/// <summary>
/// Writes <c>email_messages</c> rows through the scope's database context, so a command's message commits or rolls
/// back with the command's own transaction, and an outbox handler's is written at once. The unique index on event,
/// template and recipient makes a second write for the same event add nothing. The insert's trigger wakes every
/// instance's email worker on commit.
/// </summary>
internal sealed class PostgresEmailQueue(PlatformDbContext db, EmailContentProtector protector, TimeProvider timeProvider) : IEmailQueue
{
    public async Task EnqueueAsync(EmailDraft draft, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(draft);
        var now = timeProvider.GetUtcNow();
        var id = Uuid7.Create(now);
        var recipient = Domain.Identity.EmailAddress.Clean(draft.Recipient);
        var recipientKey = Domain.Identity.EmailAddress.Normalize(recipient);
        var subject = Header(draft.Content.Subject);
        var content = protector.Seal(draft.Content, id);
        await db.Database.ExecuteSqlAsync(
            $"""
            INSERT INTO email_messages (id, event_id, template, recipient, recipient_key, subject, content, status, attempts, next_attempt_at, created_at)
            VALUES ({id}, {draft.EventId}, {draft.Template}, {recipient}, {recipientKey}, {subject}, {content}, 'pending', 0, now(), {now})
            ON CONFLICT (event_id, template, recipient) WHERE event_id IS NOT NULL DO NOTHING
            """,
            cancellationToken);
    }

    /// <summary>A subject on one line: a line break in a header would start another header.</summary>
    private static string Header(string value) =>
        string.Join(' ', value.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
}
