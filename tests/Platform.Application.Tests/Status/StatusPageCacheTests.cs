using NUnit.Framework;
using Platform.Application.Status;
using Platform.Domain.Status;
using Platform.Testing;

namespace Platform.Application.Tests.Status;

/// <summary>The snapshot cache on its own: freshness, invalidation, and what it serves when a rebuild fails.</summary>
public sealed class StatusPageCacheTests
{
    private static StatusPageSnapshot Snapshot(DateTimeOffset at, string description) =>
        new(at, new OverallStatus(StatusIndicator.None, description), [], [], [], []);

    [Test]
    public async Task A_fresh_snapshot_is_served_without_rebuilding_and_an_invalidation_forces_a_rebuild()
    {
        var clock = new TestClock();
        clock.Freeze();
        var cache = new StatusPageCache(clock);
        var builds = 0;
        Task<StatusPageSnapshot> Build(CancellationToken _) => Task.FromResult(Snapshot(clock.GetUtcNow(), $"build {++builds}"));

        var first = await cache.GetAsync(Build, CancellationToken.None);
        var second = await cache.GetAsync(Build, CancellationToken.None);
        cache.Invalidate();
        var third = await cache.GetAsync(Build, CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(second, Is.SameAs(first));
            Assert.That(third.Overall.Description, Is.EqualTo("build 2"));
        });
    }

    [Test]
    public async Task When_a_rebuild_fails_the_last_snapshot_is_served_and_the_next_read_tries_again()
    {
        var clock = new TestClock();
        clock.Freeze();
        var cache = new StatusPageCache(clock);
        var first = await cache.GetAsync(_ => Task.FromResult(Snapshot(clock.GetUtcNow(), "before the outage")), CancellationToken.None);

        clock.Advance(TimeSpan.FromMinutes(1));
        var duringOutage = await cache.GetAsync(_ => throw new TimeoutException("database unreachable"), CancellationToken.None);
        var afterwards = await cache.GetAsync(_ => Task.FromResult(Snapshot(clock.GetUtcNow(), "after")), CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(duringOutage, Is.SameAs(first), "stale if error: the page stays up with what it last knew");
            Assert.That(afterwards.Overall.Description, Is.EqualTo("after"));
        });
    }

    [Test]
    public void Without_any_snapshot_a_failed_build_is_reported()
    {
        var cache = new StatusPageCache(new TestClock());

        Assert.ThrowsAsync<TimeoutException>(() => cache.GetAsync(_ => throw new TimeoutException("database unreachable"), CancellationToken.None));
    }
}
