namespace Platform.Infrastructure.RateLimiting;

/// <summary>Hits so far in the window, when it ends, and the database's time at counting (for Retry-After).</summary>
public readonly record struct RateLimitCount(int Hits, DateTimeOffset ResetsAt, DateTimeOffset Now);
