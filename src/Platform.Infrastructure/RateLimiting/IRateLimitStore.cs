namespace Platform.Infrastructure.RateLimiting;

/// <summary>Fixed-window hit counters shared by every instance.</summary>
public interface IRateLimitStore
{
    /// <summary>Counts one hit for the key in the current window and returns the count so far and when the window ends.</summary>
    Task<RateLimitCount> HitAsync(string key, TimeSpan window, CancellationToken cancellationToken);
}

/// <summary>Hits so far in the window, when it ends, and the database's time at counting (for Retry-After).</summary>
public readonly record struct RateLimitCount(int Hits, DateTimeOffset ResetsAt, DateTimeOffset Now);
