namespace Platform.Infrastructure.RateLimiting;

/// <summary>Fixed-window hit counters shared by every instance.</summary>
public interface IRateLimitStore
{
    /// <summary>Counts one hit for the key in the current window and returns the count so far and when the window ends.</summary>
    Task<RateLimitCount> HitAsync(string key, TimeSpan window, CancellationToken cancellationToken);
}

public readonly record struct RateLimitCount(int Hits, DateTimeOffset ResetsAt);
