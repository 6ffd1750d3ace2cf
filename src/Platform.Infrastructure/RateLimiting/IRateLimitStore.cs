namespace Platform.Infrastructure.RateLimiting;

/// <summary>Fixed-window hit counters shared by every instance.</summary>
public interface IRateLimitStore
{
    /// <summary>Counts one hit for the key in the current window and returns the count so far and when the window ends.</summary>
    Task<RateLimitCount> HitAsync(string key, TimeSpan window, CancellationToken cancellationToken) => AddAsync(key, window, 1, cancellationToken);

    /// <summary>Counts <paramref name="hits"/> hits at once (a batch counted in memory first) and returns the window's total.</summary>
    Task<RateLimitCount> AddAsync(string key, TimeSpan window, int hits, CancellationToken cancellationToken);

    /// <summary>
    /// Adds the batches of several keys (each key at most once) in one round trip and returns each key's total, in
    /// the order of <paramref name="batches"/>.
    /// </summary>
    Task<IReadOnlyList<RateLimitCount>> AddManyAsync(IReadOnlyList<RateLimitBatch> batches, CancellationToken cancellationToken);
}
