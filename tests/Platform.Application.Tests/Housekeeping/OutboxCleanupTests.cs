using NUnit.Framework;
using Platform.Application.Housekeeping.Commands.DeleteProcessedOutboxMessages;
using Platform.Application.Tests.Identity;

namespace Platform.Application.Tests.Housekeeping;

/// <summary>Processed outbox messages are kept for a while for the admin view, then pruned; nothing undelivered is ever pruned.</summary>
public sealed class OutboxCleanupTests : ApplicationTestBase
{
    [Test]
    public async Task Only_messages_processed_longer_ago_than_the_retention_are_deleted()
    {
        await InsertAsync("processed", processedDaysAgo: 8);
        await InsertAsync("processed", processedDaysAgo: 8);
        var recent = await InsertAsync("processed", processedDaysAgo: 1);
        var pending = await InsertAsync("pending", processedDaysAgo: null);
        var failed = await InsertAsync("failed", processedDaysAgo: null);

        var deleted = await App.SendAsync(new DeleteProcessedOutboxMessagesCommand(TimeSpan.FromDays(7), BatchSize: 1));

        Assert.Multiple(async () =>
        {
            Assert.That(deleted, Is.EqualTo(2), "in batches of one");
            Assert.That(await Database.CountAsync("outbox_messages"), Is.EqualTo(3));
            Assert.That(await Database.CountAsync("outbox_messages", $"id IN ('{recent}', '{pending}', '{failed}')"), Is.EqualTo(3));
        });
    }

    private async Task<Guid> InsertAsync(string status, int? processedDaysAgo)
    {
        var id = Guid.CreateVersion7();
        await Database.ExecuteAsync(
            """
            INSERT INTO outbox_messages (id, type, payload, occurred_at, status, attempts, next_attempt_at, processed_at, failed_at)
            VALUES ($1, 'tickets.created', '{}', now() - interval '30 days', $2, 1, now(),
                    CASE WHEN $2 = 'processed' THEN now() - make_interval(days => $3) END,
                    CASE WHEN $2 = 'failed' THEN now() END)
            """,
            id,
            status,
            processedDaysAgo ?? 0);
        return id;
    }
}
