using NUnit.Framework;
using Platform.Application.Housekeeping.Commands.DeleteExpiredRateLimitCounters;

namespace Platform.Application.Tests.Housekeeping;

public sealed class RateLimitCounterCleanupTests : ApplicationTestBase
{
    [Test]
    public async Task Ended_windows_are_deleted_and_live_ones_kept()
    {
        await using (var seed = Database.DataSource.CreateCommand(
            """
            INSERT INTO rate_limit_counters (key, window_start, hits, expires_at) VALUES
                ('auth:ip:1', now() - interval '2 minutes', 5, now() - interval '1 minute'),
                ('auth:ip:2', now() - interval '3 minutes', 1, now() - interval '2 minutes'),
                ('auth:ip:3', now(), 2, now() + interval '1 minute')
            """))
        {
            await seed.ExecuteNonQueryAsync();
        }

        var deleted = await App.SendAsync(new DeleteExpiredRateLimitCountersCommand());

        Assert.Multiple(async () =>
        {
            Assert.That(deleted, Is.EqualTo(2));
            Assert.That(await Database.CountAsync("rate_limit_counters", "key = 'auth:ip:3'"), Is.EqualTo(1));
            Assert.That(await Database.CountAsync("rate_limit_counters"), Is.EqualTo(1));
        });
    }
}
