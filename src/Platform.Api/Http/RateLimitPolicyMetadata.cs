namespace Platform.Api.Http;

/// <summary>Marks an endpoint as rate limited by a policy of <see cref="RateLimitOptions"/>.</summary>
internal sealed record RateLimitPolicyMetadata(string Name, Func<RateLimitOptions, RateLimitPolicy> Select);
