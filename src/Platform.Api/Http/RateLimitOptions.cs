namespace Platform.Api.Http;

/// <summary>
/// The rate-limit tiers: authentication routes (per client IP and per account, strictest), authenticated API
/// traffic (per user) and anonymous API traffic (per client IP).
/// </summary>
public sealed class RateLimitOptions
{
    public const string SectionName = "RateLimiting";

    public RateLimitPolicy Auth { get; set; } = new() { PermitLimit = 10, WindowSeconds = 60 };

    public RateLimitPolicy Authenticated { get; set; } = new() { PermitLimit = 600, WindowSeconds = 60 };

    public RateLimitPolicy Anonymous { get; set; } = new() { PermitLimit = 120, WindowSeconds = 60 };

    public IEnumerable<(string Name, RateLimitPolicy Policy)> Tiers =>
        [(nameof(Auth), Auth), (nameof(Authenticated), Authenticated), (nameof(Anonymous), Anonymous)];
}
