namespace Platform.Infrastructure.RateLimiting;

/// <summary>Hits of one key counted in memory, to be added to its shared counter for a window of this length.</summary>
public readonly record struct RateLimitBatch(string Key, TimeSpan Window, int Hits);
