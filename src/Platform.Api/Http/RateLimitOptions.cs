namespace Platform.Api.Http;

/// <summary>
/// The rate-limit tiers: authentication routes (per client IP and per account, strictest), authenticated API
/// traffic (per user), anonymous API traffic (per client IP), and inbound webhooks (per client IP: providers send
/// from few addresses, so their tier is wider than the anonymous one and counted apart from it), and browsers' CSP
/// violation reports (per client IP).
/// </summary>
public sealed class RateLimitOptions
{
    public const string SectionName = "RateLimiting";

    public RateLimitPolicy Auth { get; set; } = new() { PermitLimit = 10, WindowSeconds = 60 };

    public RateLimitPolicy Authenticated { get; set; } = new() { PermitLimit = 600, WindowSeconds = 60 };

    public RateLimitPolicy Anonymous { get; set; } = new() { PermitLimit = 120, WindowSeconds = 60 };

    public RateLimitPolicy Inbound { get; set; } = new() { PermitLimit = 1200, WindowSeconds = 60 };

    /// <summary>CSP violation reports, per client IP: a page with a broken policy reports on every load.</summary>
    public RateLimitPolicy CspReports { get; set; } = new() { PermitLimit = 60, WindowSeconds = 60 };

    public IEnumerable<(string Name, RateLimitPolicy Policy)> Tiers =>
        [(nameof(Auth), Auth), (nameof(Authenticated), Authenticated), (nameof(Anonymous), Anonymous), (nameof(Inbound), Inbound), (nameof(CspReports), CspReports)];
}
