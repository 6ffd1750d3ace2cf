using Platform.Infrastructure.RateLimiting;

namespace Platform.Api.Http;

/// <summary>
/// The per-account count of a limited route, once the body names the account: both limits hold, so one IP spraying
/// many accounts and many IPs aiming at one account are each slowed. The stricter count drives the headers.
/// </summary>
internal sealed class AccountRateLimitFilter(Func<EndpointFilterInvocationContext, string?> account) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var metadata = http.GetEndpoint()?.Metadata.GetMetadata<RateLimitPolicyMetadata>();
        if (metadata is not null && http.Features.Get<RateLimitState>() is { } state && account(context) is { Length: > 0 } key)
        {
            var store = http.RequestServices.GetRequiredService<IRateLimitStore>();
            state.Consider(await store.HitAsync($"{metadata.Name}:account:{key}", TimeSpan.FromSeconds(state.Policy.WindowSeconds), http.RequestAborted));
            if (state.Exceeded)
            {
                await RateLimitMiddleware.RejectAsync(http, state);
                return TypedResults.Empty;
            }
        }

        return await next(context);
    }
}
