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
    public async Task A_quiet_key_whose_last_sync_is_a_second_old_is_not_written_by_the_request_but_by_the_flush()
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
        var afterTheRequest = await StoredHitsAsync("api:ip:aged");
        var flushed = await a.FlushAsync(CancellationToken.None);

        Assert.Multiple(async () =>
        {
            Assert.That(before, Is.EqualTo(1), "only the first hit was sent");
            Assert.That(next.Hits, Is.EqualTo(6), "the request is judged on every hit of this instance");
            Assert.That(afterTheRequest, Is.EqualTo(1), "the request did not wait for a database write");
            Assert.That(flushed, Is.EqualTo(1), "one key had unsent hits");
            Assert.That(await StoredHitsAsync("api:ip:aged"), Is.EqualTo(6), "the flush sent the five unsent hits");
            Assert.That(await a.FlushAsync(CancellationToken.None), Is.Zero, "nothing is sent twice");
        });
    }

    [Test]
    public async Task A_flush_sends_every_key_in_one_go_and_brings_back_the_other_instances_hits()
    {
        var clock = new TestClock();
        clock.Freeze();
        var a = NewInstance(clock);
        var b = NewInstance(clock);
        string[] keys = ["api:user:one", "api:user:two", "api:ip:192.0.2.1"];
        foreach (var key in keys)
        {
            await a.HitAsync(key, Window, 50, CancellationToken.None); // synced: the first hit
            await a.HitAsync(key, Window, 50, CancellationToken.None); // unsent
            await b.HitAsync(key, Window, 50, CancellationToken.None); // synced, sees A's first
            await b.HitAsync(key, Window, 50, CancellationToken.None); // unsent
        }

        var sentByA = await a.FlushAsync(CancellationToken.None);
        await b.FlushAsync(CancellationToken.None);
        var stored = new List<long>();
        foreach (var key in keys)
        {
            stored.Add(await StoredHitsAsync(key));
        }

        // A sent before B: it knows 3 of the 4 hits until it next sends.
        var beforeItsNextFlush = await a.HitAsync("api:user:one", Window, 50, CancellationToken.None);
        await a.FlushAsync(CancellationToken.None);
        var afterItsNextFlush = await a.HitAsync("api:user:one", Window, 50, CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(sentByA, Is.EqualTo(3), "every key with unsent hits");
            Assert.That(stored, Has.All.EqualTo(4), "both instances' hits of every key are in the shared counter");
            Assert.That(beforeItsNextFlush.Hits, Is.EqualTo(4), "3 known and this hit");
            Assert.That(afterItsNextFlush.Hits, Is.EqualTo(6), "the flush brought back B's second hit: 5 shared and this hit");
        });
    }

    [Test]
    public async Task Across_two_instances_the_limit_holds_within_one_batch_each_whether_or_not_the_flush_runs([Values] bool flushing)
    {
        const int limit = 100;
        const int batch = 5;
        var clock = new TestClock();
        clock.Freeze();
        var instances = new[] { NewInstance(clock), NewInstance(clock) };
        var admitted = 0;
        var refusedInARow = 0;
        for (var i = 0; i < 4 * limit && refusedInARow < 2 * batch * instances.Length; i++)
        {
            // One client's requests spread over two instances; the background flush runs now and then, or never.
            var instance = instances[i % instances.Length];
            if (flushing && i % 3 == 0)
            {
                await instance.FlushAsync(CancellationToken.None);
            }

            var count = await instance.HitAsync("api:user:two-instances", Window, batch, CancellationToken.None);
            if (count.Hits <= limit)
            {
                admitted++;
                refusedInARow = 0;
            }
            else
            {
                refusedInARow++;
            }
        }

        Assert.That(admitted, Is.InRange(limit, limit + instances.Length * (batch - 1)), "every instance is held to the limit, less than a batch over it");
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
        var sent = await a.FlushAsync(CancellationToken.None); // the background flush drops ended windows

        Assert.Multiple(async () =>
        {
            Assert.That(a.TrackedKeys, Is.Zero, "the ended window of 203.0.113.7 must not stay in memory forever");
            Assert.That(sent, Is.Zero, "a hit of an ended window is not sent into the next one");
            Assert.That(await StoredHitsAsync("api:ip:203.0.113.7"), Is.EqualTo(1));
        });
    }
}
