using System.Collections.Concurrent;

namespace Platform.Infrastructure.RateLimiting;

/// <summary>
/// Counts high-volume rate limits in memory and adds them to the shared PostgreSQL counter in batches, so an API
/// request does not pay a database write each time. A key is synchronised on its first hit in a window, whenever
/// <c>syncEvery</c> hits have gathered, and when its last synchronisation is a second old; every synchronisation
/// returns the total of all instances. The decision uses that total plus this instance's unsent hits, so across
/// instances a key can overshoot its limit by at most <c>syncEvery - 1</c> hits per instance (callers choose
/// <c>syncEvery</c> as a small fraction of the limit; 1 makes counting exact). The strict authentication tier does
/// not use this: it counts every hit in the database.
/// </summary>
public sealed class BatchedRateLimitCounter(IRateLimitStore store, TimeProvider timeProvider)
{
    private static readonly TimeSpan MaxUnsentAge = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan PurgeEvery = TimeSpan.FromMinutes(1);

    /// <summary>Most keys kept in memory; beyond it the table is emptied (their unsent hits, at most one batch each, are lost).</summary>
    private const int MaxKeys = 100_000;

    private readonly ConcurrentDictionary<string, Entry> entries = new(StringComparer.Ordinal);
    private DateTimeOffset lastPurge = DateTimeOffset.MinValue;

    public int TrackedKeys => entries.Count;

    public async Task<RateLimitCount> HitAsync(string key, TimeSpan window, int syncEvery, CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNow();
        PurgeEnded(now);
        if (entries.Count >= MaxKeys)
        {
            entries.Clear();
        }

        var entry = entries.GetOrAdd(key, _ => new Entry());
        int batch;
        lock (entry)
        {
            if (entry.ResetsAt is { } resets && now >= resets)
            {
                entry.StartNewWindow();
            }

            entry.Unsent++;
            var due = entry.ResetsAt is null || entry.Unsent >= Math.Max(1, syncEvery) || now - entry.LastSync >= MaxUnsentAge;
            if (!due)
            {
                return new RateLimitCount(entry.Known + entry.Unsent, entry.ResetsAt!.Value, now);
            }

            batch = entry.Unsent;
            entry.Unsent = 0;
            entry.LastSync = now;
        }

        RateLimitCount shared;
        try
        {
            shared = await store.AddAsync(key, window, batch, cancellationToken);
        }
        catch
        {
            lock (entry)
            {
                entry.Unsent += batch;
            }

            throw;
        }

        lock (entry)
        {
            if (entry.ResetsAt != shared.ResetsAt)
            {
                entry.ResetsAt = shared.ResetsAt;
                entry.Known = shared.Hits;
            }
            else
            {
                entry.Known = Math.Max(entry.Known, shared.Hits);
            }

            return new RateLimitCount(entry.Known + entry.Unsent, shared.ResetsAt, shared.Now);
        }
    }

    private void PurgeEnded(DateTimeOffset now)
    {
        if (now - lastPurge < PurgeEvery)
        {
            return;
        }

        lastPurge = now;
        foreach (var (key, entry) in entries)
        {
            lock (entry)
            {
                // A window that has ended is over for good: its unsent hits no longer count against anything.
                if (entry.ResetsAt is { } resets && now >= resets)
                {
                    entries.TryRemove(key, out _);
                }
            }
        }
    }

    private sealed class Entry
    {
        /// <summary>The window's total across instances at the last synchronisation.</summary>
        public int Known { get; set; }

        /// <summary>Hits counted here and not yet added to the shared counter.</summary>
        public int Unsent { get; set; }

        public DateTimeOffset? ResetsAt { get; set; }

        public DateTimeOffset LastSync { get; set; } = DateTimeOffset.MinValue;

        public void StartNewWindow()
        {
            Known = 0;
            ResetsAt = null;
        }
    }
}
