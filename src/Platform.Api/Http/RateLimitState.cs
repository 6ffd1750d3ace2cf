using Platform.Infrastructure.RateLimiting;

namespace Platform.Api.Http;

/// <summary>The strictest count seen for this request; the response headers are written from it.</summary>
internal sealed class RateLimitState(string tier, RateLimitPolicy policy, RateLimitCount count)
{
    /// <summary>The tier's name as metrics label it: auth, inbound, authenticated or anonymous.</summary>
    public string Tier { get; } = tier;

    public RateLimitPolicy Policy { get; } = policy;

    public RateLimitCount Count { get; private set; } = count;

    public bool Exceeded => Count.Hits > Policy.PermitLimit;

    public void Consider(RateLimitCount other)
    {
        if (other.Hits > Count.Hits)
        {
            Count = other;
        }
    }
}
