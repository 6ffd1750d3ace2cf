using Microsoft.Extensions.DependencyInjection;
using NUnit.Framework;
using Platform.Infrastructure.RateLimiting;
using Platform.Testing;

namespace Platform.Application.Tests.Housekeeping;

/// <summary>
/// The in-memory, batched counter behind the per-user and per-IP API tiers, with two counters standing for two API
/// instances over one database.
/// </summary>
public sealed class BatchedRateLimitCounterTests : ApplicationTestBase
{
    private static readonly TimeSpan Window = TimeSpan.FromHours(1);

    private BatchedRateLimitCounter NewInstance(TestClock clock) => new(App.Services.GetRequiredService<IRateLimitStore>(), clock);

    private async Task<long> StoredHitsAsync(string key)
    {
        await using var command = Database.DataSource.CreateCommand("SELECT COALESCE(SUM(hits), 0)::bigint FROM rate_limit_counters WHERE key = $1");
        command.Parameters.AddWithValue(key);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    [Test]
    public async Task With_a_batch_of_one_every_hit_is_shared_at_once()
    {
        var clock = new TestClock();
        var a = NewInstance(clock);
        var b = NewInstance(clock);

        var counts = new List<int>();
        for (var i = 0; i < 3; i++)
        {
            counts.Add((await a.HitAsync("api:ip:exact", Window, 1, CancellationToken.None)).Hits);
            counts.Add((await b.HitAsync("api:ip:exact", Window, 1, CancellationToken.None)).Hits);
        }

        Assert.Multiple(async () =>
        {
            Assert.That(counts, Is.EqualTo(new[] { 1, 2, 3, 4, 5, 6 }));
            Assert.That(await StoredHitsAsync("api:ip:exact"), Is.EqualTo(6));
        });
    }

    [Test]
    public async Task Hits_are_sent_in_batches_and_each_instance_sees_the_others_after_its_next_sync()
    {
        var clock = new TestClock();
        clock.Freeze();
        var a = NewInstance(clock);
        var b = NewInstance(clock);

        RateLimitCount last = default;
        for (var i = 0; i < 25; i++)
        {
            last = await a.HitAsync("api:user:batched", Window, 10, CancellationToken.None);
        }

        // Sent: the first hit (1), then two batches of 10; 4 are still only in memory, but A counts them.
        var storedAfterA = await StoredHitsAsync("api:user:batched");
        var firstOfB = await b.HitAsync("api:user:batched", Window, 10, CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(last.Hits, Is.EqualTo(25));
            Assert.That(storedAfterA, Is.EqualTo(21));
            Assert.That(firstOfB.Hits, Is.EqualTo(22), "a new instance syncs on its first hit and sees every hit sent so far");
        });
    }

    [Test]
    public async Task Unsent_hits_go_out_once_they_are_a_second_old()
    {
        var clock = new TestClock();
        clock.Freeze();
        var a = NewInstance(clock);
        for (var i = 0; i < 5; i++)
        {
            await a.HitAsync("api:ip:aged", Window, 100, CancellationToken.None);
        }

        var before = await StoredHitsAsync("api:ip:aged");
        clock.Advance(TimeSpan.FromSeconds(1));
        var next = await a.HitAsync("api:ip:aged", Window, 100, CancellationToken.None);

        Assert.Multiple(async () =>
        {
            Assert.That(before, Is.EqualTo(1), "only the first hit was sent");
            Assert.That(next.Hits, Is.EqualTo(6));
            Assert.That(await StoredHitsAsync("api:ip:aged"), Is.EqualTo(6));
        });
    }

    [Test]
    public async Task A_key_whose_last_hits_were_never_sent_is_still_purged_after_its_window()
    {
        var clock = new TestClock();
        clock.Freeze();
        var a = NewInstance(clock);
        await a.HitAsync("api:ip:203.0.113.7", TimeSpan.FromSeconds(60), 6, CancellationToken.None); // synced
        await a.HitAsync("api:ip:203.0.113.7", TimeSpan.FromSeconds(60), 6, CancellationToken.None); // unsent, client never returns

        clock.Advance(TimeSpan.FromMinutes(10));
        await a.HitAsync("api:ip:198.51.100.1", TimeSpan.FromSeconds(60), 6, CancellationToken.None); // triggers the purge

        Assert.That(a.TrackedKeys, Is.EqualTo(1), "the ended window of 203.0.113.7 must not stay in memory forever");
    }
}
