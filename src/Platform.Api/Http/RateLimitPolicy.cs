namespace Platform.Api.Http;

public sealed class RateLimitPolicy
{
    public int PermitLimit { get; set; }

    public int WindowSeconds { get; set; }
}
