using System.Globalization;
using Microsoft.Extensions.Options;
using Platform.Application.Common.Interfaces;
using Platform.Infrastructure.RateLimiting;

namespace Platform.Api.Http;

/// <summary>
/// The API tiers, after authentication: signed-in traffic is counted per user, anonymous traffic per client IP, in
/// memory with batched synchronisation (<see cref="BatchedRateLimitCounter"/>), so most requests cost no database write.
/// Routes of the authentication tier (counted before the body is read) and non-API routes (probes, metrics, the
/// OpenAPI and JWKS documents) are not counted here.
/// </summary>
internal sealed class TieredRateLimitMiddleware(RequestDelegate next)
{
    /// <summary>Hits counted in memory between synchronisations: a twentieth of the limit, so overshoot stays small.</summary>
    private const int SyncFraction = 20;

    public async Task InvokeAsync(HttpContext context, BatchedRateLimitCounter counter, ICurrentUser currentUser, IOptions<RateLimitOptions> options)
    {
        var endpoint = context.GetEndpoint();
        if (endpoint is null || endpoint.Metadata.GetMetadata<RateLimitPolicyMetadata>() is not null || !IsTiered(context.Request.Path))
        {
            await next(context);
            return;
        }

        var (tier, policy, key) = currentUser.UserId is { } userId
            ? ("authenticated", options.Value.Authenticated, $"api:user:{userId}")
            : ("anonymous", options.Value.Anonymous, $"api:ip:{ClientKey.Of(currentUser.ClientIp)}");
        RateLimitCount count;
        try
        {
            count = await counter.HitAsync(key, TimeSpan.FromSeconds(policy.WindowSeconds), policy.PermitLimit / SyncFraction, context.RequestAborted);
        }
        catch (Exception ex) when (ex is Npgsql.NpgsqlException or TimeoutException)
        {
            // These tiers fail open: without the database the request goes on unlimited (the routes that need the
            // database answer 503 themselves, and the cached status page keeps being served). The auth tier does not.
            // While the circuit breaker is open the outage is already logged (once, by the breaker): say nothing more.
            if (ex is not Platform.Infrastructure.Persistence.DatabaseCircuitOpenException)
            {
                context.RequestServices.GetRequiredService<ILogger<TieredRateLimitMiddleware>>()
                    .LogWarning("Rate-limit counter unavailable ({Reason}); letting the request through unlimited", ex.Message);
            }

            await next(context);
            return;
        }

        if (await RateLimitMiddleware.ApplyAsync(context, tier, policy, count))
        {
            await next(context);
        }
    }

    private static bool IsTiered(PathString path) =>
        path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase) || path.StartsWithSegments("/status", StringComparison.OrdinalIgnoreCase);
}
