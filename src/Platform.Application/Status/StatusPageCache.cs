namespace Platform.Application.Status;

/// <summary>
/// The latest public status snapshot of this instance. It is stale when a change was announced since it was built
/// (<see cref="Invalidate"/>) or when it is older than the page's max age (uptime moves with time). A snapshot built
/// while a change was announced is not kept as fresh: every snapshot carries the generation it was started in.
/// </summary>
public sealed class StatusPageCache(TimeProvider timeProvider)
{
    private readonly SemaphoreSlim rebuild = new(1, 1);
    private long generation;
    private volatile Entry? current;

    /// <summary>How old a snapshot may get before it is rebuilt even without a change.</summary>
    public TimeSpan MaxAge { get; set; } = TimeSpan.FromSeconds(15);

    public long Generation => Interlocked.Read(ref generation);

    public void Invalidate() => Interlocked.Increment(ref generation);

    public async Task<StatusPageSnapshot> GetAsync(Func<CancellationToken, Task<StatusPageSnapshot>> build, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(build);
        if (Fresh() is { } snapshot)
        {
            return snapshot;
        }

        // One rebuild at a time: a burst of readers after a change costs one query, not one each.
        await rebuild.WaitAsync(cancellationToken);
        try
        {
            if (Fresh() is { } rebuilt)
            {
                return rebuilt;
            }

            var startedIn = Generation;
            StatusPageSnapshot built;
            try
            {
                built = await build(cancellationToken);
            }
            catch (Exception) when (current is { } stale && !cancellationToken.IsCancellationRequested)
            {
                // Stale if error: while the database is unreachable the page keeps showing the last snapshot it
                // had, which beats a status page that is down exactly when something is. The next read retries.
                return stale.Snapshot;
            }

            current = new Entry(built, startedIn);
            return built;
        }
        finally
        {
            rebuild.Release();
        }
    }

    private StatusPageSnapshot? Fresh()
    {
        var entry = current;
        return entry is not null && entry.Generation == Generation && timeProvider.GetUtcNow() - entry.Snapshot.GeneratedAt < MaxAge ? entry.Snapshot : null;
    }

    private sealed record Entry(StatusPageSnapshot Snapshot, long Generation);
}
