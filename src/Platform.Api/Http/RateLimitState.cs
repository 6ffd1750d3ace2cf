using Platform.Infrastructure.RateLimiting;

namespace Platform.Api.Http;

/// <summary>The strictest count seen for this request; the response headers are written from it.</summary>
internal sealed class RateLimitState(RateLimitPolicy policy, RateLimitCount count)
{
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
