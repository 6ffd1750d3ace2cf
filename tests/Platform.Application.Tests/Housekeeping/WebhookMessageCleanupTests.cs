using NUnit.Framework;
using Platform.Application.Housekeeping.Commands.DeleteOldWebhookMessages;
using Platform.Application.Tests.Identity;

namespace Platform.Application.Tests.Housekeeping;

/// <summary>Delivered webhook messages leave the log after a week, failed ones after a month; pending ones never; attempts go with their message.</summary>
public sealed class WebhookMessageCleanupTests : ApplicationTestBase
{
    [Test]
    public async Task Only_messages_past_their_retention_are_deleted_with_their_attempts()
    {
        var endpoint = Guid.CreateVersion7();
        await Database.ExecuteAsync(
            """
            INSERT INTO webhook_endpoints (id, url, description, event_types, enabled, secret_ciphertext, created_at, updated_at, version)
            VALUES ($1, 'https://hooks.example.com/', '', ARRAY['*'], true, 'v1:x:y', now(), now(), 1)
            """,
            endpoint);
        var oldDelivered = await InsertAsync(endpoint, "delivered", daysAgo: 8);
        var recentDelivered = await InsertAsync(endpoint, "delivered", daysAgo: 1);
        var oldFailed = await InsertAsync(endpoint, "failed", daysAgo: 31);
        var recentFailed = await InsertAsync(endpoint, "failed", daysAgo: 8);
        var pending = await InsertAsync(endpoint, "pending", daysAgo: 60);

        var deleted = await App.SendAsync(new DeleteOldWebhookMessagesCommand(TimeSpan.FromDays(7), TimeSpan.FromDays(30), BatchSize: 1));

        Assert.Multiple(async () =>
        {
            Assert.That(deleted, Is.EqualTo(2), "in batches of one");
            Assert.That(await Database.CountAsync("webhook_messages", $"id IN ('{oldDelivered}', '{oldFailed}')"), Is.Zero);
            Assert.That(await Database.CountAsync("webhook_messages", $"id IN ('{recentDelivered}', '{recentFailed}', '{pending}')"), Is.EqualTo(3));
            Assert.That(await Database.CountAsync("webhook_attempts"), Is.EqualTo(3), "the deleted messages' attempts went with them");
        });
    }

    private async Task<Guid> InsertAsync(Guid endpoint, string status, int daysAgo)
    {
        var id = Guid.CreateVersion7();
        await Database.ExecuteAsync(
            """
            INSERT INTO webhook_messages (id, endpoint_id, event_id, event_type, body, status, attempts, round_attempts, next_attempt_at, created_at, delivered_at, failed_at)
            VALUES ($1, $2, NULL, 'webhook.test', '{}', $3, 1, 1, now(), now() - make_interval(days => $4),
                    CASE WHEN $3 = 'delivered' THEN now() - make_interval(days => $4) END,
                    CASE WHEN $3 = 'failed' THEN now() - make_interval(days => $4) END)
            """,
            id,
            endpoint,
            status,
            daysAgo);
        await Database.ExecuteAsync(
            "INSERT INTO webhook_attempts (id, message_id, attempted_at, outcome, latency_ms, instance) VALUES ($1, $2, now(), 'succeeded', 1, 'test')",
            Guid.CreateVersion7(),
            id);
        return id;
    }
}
