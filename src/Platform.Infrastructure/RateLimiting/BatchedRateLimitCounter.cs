using System.Collections.Concurrent;

namespace Platform.Infrastructure.RateLimiting;

/// <summary>
/// Counts high-volume rate limits in memory and adds them to the shared PostgreSQL counter in batches, so an API
/// request does not pay a database write each time. On the request path a key is synchronised only on its first hit
/// in a window (to learn the window and the total of all instances) and whenever <c>syncEvery</c> hits have gathered;
/// every other hit is sent by <see cref="FlushAsync"/>, which <see cref="RateLimitCounterFlusher"/> runs every
/// <see cref="FlushInterval"/> for all keys at once, so a quiet key's hits reach the shared counter within about a
/// second without a request waiting for it. Every synchronisation returns the total of all instances. The decision
/// uses that total plus this instance's hits not yet in it (unsent, or on their way), and the request path never lets
/// <c>syncEvery</c> of them gather, so across instances a key can overshoot its limit by at most <c>syncEvery - 1</c>
/// hits per instance whether or not the flush keeps up (callers choose <c>syncEvery</c> as a small fraction of the
/// limit; 1 makes counting exact). The strict authentication tier does not use this: it counts every hit in the
/// database.
/// </summary>
public sealed class BatchedRateLimitCounter(IRateLimitStore store, TimeProvider timeProvider)
{
    /// <summary>How often the unsent hits of every key are sent (and ended windows dropped).</summary>
    public static readonly TimeSpan FlushInterval = TimeSpan.FromSeconds(1);

    /// <summary>Most keys kept in memory; beyond it the table is emptied (their unsent hits, at most one batch each, are lost).</summary>
    private const int MaxKeys = 100_000;

    /// <summary>Most keys one flush statement carries; a larger flush takes several.</summary>
    private const int MaxKeysPerStatement = 1_000;

    private readonly ConcurrentDictionary<string, Entry> entries = new(StringComparer.Ordinal);

    public int TrackedKeys => entries.Count;

    public async Task<RateLimitCount> HitAsync(string key, TimeSpan window, int syncEvery, CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNow();
        if (entries.Count >= MaxKeys)
        {
            entries.Clear();
        }

        var entry = entries.GetOrAdd(key, static _ => new Entry());
        int batch;
        lock (entry)
        {
            if (entry.ResetsAt is { } resets && now >= resets)
            {
                entry.StartNewWindow();
            }

            entry.Window = window;
            entry.Unsent++;
            if (entry.ResetsAt is { } known && entry.Unsent < Math.Max(1, syncEvery))
            {
                return new RateLimitCount(entry.Counted, known, now);
            }

            batch = entry.Take();
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
                entry.Return(batch);
            }

            throw;
        }

        lock (entry)
        {
            entry.Apply(batch, shared);
            return new RateLimitCount(entry.Counted, entry.ResetsAt ?? shared.ResetsAt, shared.Now);
        }
    }

    /// <summary>
    /// Sends every key's unsent hits to the shared counter, in as few statements as it can, and takes each key's new
    /// total; drops the keys whose window has ended. Returns how many keys it sent. When the store fails, the hits
    /// that were not sent are kept for the next flush (or the next batch on the request path) and the error is thrown.
    /// </summary>
    public async Task<int> FlushAsync(CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNow();
        var pending = new List<(Entry Entry, RateLimitBatch Batch)>();
        foreach (var (key, entry) in entries)
        {
            lock (entry)
            {
                if (entry.ResetsAt is { } resets && now >= resets)
                {
                    // A window that has ended is over for good: its unsent hits no longer count against anything.
                    entries.TryRemove(new KeyValuePair<string, Entry>(key, entry));
                    continue;
                }

                if (entry.Unsent > 0)
                {
                    pending.Add((entry, new RateLimitBatch(key, entry.Window, entry.Take())));
                }
            }
        }

        // One order for every instance, so two flushes of overlapping keys lock their rows in the same order.
        pending.Sort(static (x, y) => string.CompareOrdinal(x.Batch.Key, y.Batch.Key));
        for (var start = 0; start < pending.Count; start += MaxKeysPerStatement)
        {
            var chunk = pending.GetRange(start, Math.Min(MaxKeysPerStatement, pending.Count - start));
            IReadOnlyList<RateLimitCount> totals;
            try
            {
                totals = await store.AddManyAsync(chunk.ConvertAll(p => p.Batch), cancellationToken);
            }
            catch
            {
                foreach (var (entry, batch) in pending.Skip(start))
                {
                    lock (entry)
                    {
                        entry.Return(batch.Hits);
                    }
                }

                throw;
            }

            for (var i = 0; i < chunk.Count; i++)
            {
                lock (chunk[i].Entry)
                {
                    chunk[i].Entry.Apply(chunk[i].Batch.Hits, totals[i]);
                }
            }
        }

        return pending.Count;
    }

    /// <summary>One key's count on this instance. Every member is read and written under the entry's lock.</summary>
    private sealed class Entry
    {
        /// <summary>The window's total across instances at the last synchronisation.</summary>
        public int Known { get; private set; }

        /// <summary>Hits counted here and not yet sent to the shared counter.</summary>
        public int Unsent { get; set; }

        /// <summary>Hits sent and not yet answered: the shared counter may or may not hold them yet.</summary>
        private int InFlight { get; set; }

        public DateTimeOffset? ResetsAt { get; private set; }

        /// <summary>The key's window length, for the flush.</summary>
        public TimeSpan Window { get; set; }

        /// <summary>What this instance judges the key on: the last known total and its own hits not yet in it.</summary>
        public int Counted => Known + InFlight + Unsent;

        public void StartNewWindow()
        {
            Known = 0;
            ResetsAt = null;
        }

        /// <summary>Moves the unsent hits to in flight and returns how many there were.</summary>
        public int Take()
        {
            var batch = Unsent;
            Unsent = 0;
            InFlight += batch;
            return batch;
        }

        /// <summary>A batch that could not be sent counts as unsent again.</summary>
        public void Return(int batch)
        {
            InFlight -= batch;
            Unsent += batch;
        }

        /// <summary>A batch arrived: the shared total includes it.</summary>
        public void Apply(int batch, RateLimitCount shared)
        {
            InFlight -= batch;
            if (ResetsAt is not { } resets || shared.ResetsAt > resets)
            {
                ResetsAt = shared.ResetsAt;
                Known = shared.Hits;
            }
            else if (shared.ResetsAt == resets)
            {
                Known = Math.Max(Known, shared.Hits);
            }

            // An answer about an earlier window (sent before this entry moved on) says nothing about the current one.
        }
    }
}
