namespace Platform.Api.Http;

internal static class RateLimitFilterExtensions
{
    /// <summary>The authentication tier: per client IP, and per account when <paramref name="account"/> names one.</summary>
    public static TBuilder RequireAuthRateLimit<TBuilder>(this TBuilder builder, Func<EndpointFilterInvocationContext, string?>? account = null)
        where TBuilder : IEndpointConventionBuilder
    {
        builder.WithMetadata(new RateLimitPolicyMetadata("auth", o => o.Auth));
        return account is null ? builder : builder.AddEndpointFilter(new AccountRateLimitFilter(account));
    }
}
