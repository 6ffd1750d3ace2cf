using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Platform.Application.Common.Email;
using Platform.Application.Common.Interfaces;
using Platform.Application.Common.Messaging;
using Platform.Application.Common.Outbox;

namespace Platform.Application.Identity.Emails;

/// <summary>
/// Mails the account holder about security events: a changed password, a session signed out because its refresh
/// token was reused, a disabled account. Runs from the outbox, once per event (the queue ignores a second write for
/// the same event, template and recipient).
/// </summary>
internal sealed class IdentityEmailHandler(IPlatformDbContext db, IEmailQueue queue, IdentityEmails emails) : IOutboxHandler
{
    public async Task HandleAsync(OutboxEnvelope message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        switch (message.Type)
        {
            case IntegrationEventTypes.UsersPasswordChanged:
            {
                var user = Read<UserDto>(message);
                await queue.EnqueueAsync(new EmailDraft(IdentityEmails.PasswordChanged, user.Email, emails.PasswordChangedMail(user, message.OccurredAt), message.Id), cancellationToken);
                break;
            }

            case IntegrationEventTypes.UsersDisabled:
            {
                var user = Read<UserDto>(message);
                await queue.EnqueueAsync(new EmailDraft(IdentityEmails.AccountDisabled, user.Email, emails.AccountDisabledMail(user, message.OccurredAt), message.Id), cancellationToken);
                break;
            }

            case IntegrationEventTypes.SessionsRefreshReuseDetected:
            {
                var session = Read<RevokedSessionDto>(message);
                var user = await db.Users.AsNoTracking()
                    .Where(u => u.Id == session.UserId)
                    .Select(u => new { u.Email, u.DisplayName })
                    .FirstOrDefaultAsync(cancellationToken);
                if (user is not null)
                {
                    await queue.EnqueueAsync(new EmailDraft(IdentityEmails.RefreshReuse, user.Email, emails.RefreshReuseMail(user.DisplayName, session), message.Id), cancellationToken);
                }

                break;
            }
        }
    }

    private static T Read<T>(OutboxEnvelope message) =>
        JsonSerializer.Deserialize<T>(message.Payload, ApplicationJson.Options)
            ?? throw new JsonException($"The {message.Type} payload of outbox message {message.Id} is empty.");
}
