namespace Platform.Api.Http;

public sealed class RateLimitOptions
{
    public const string SectionName = "RateLimiting";

    public RateLimitPolicy Auth { get; set; } = new() { PermitLimit = 10, WindowSeconds = 60 };
}

public sealed class RateLimitPolicy
{
    public int PermitLimit { get; set; }

    public int WindowSeconds { get; set; }
}
