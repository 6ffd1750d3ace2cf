using System.Globalization;
using Microsoft.Extensions.Options;
using Platform.Application.Common.Interfaces;
using Platform.Infrastructure.RateLimiting;

namespace Platform.Api.Http;

/// <summary>Marks an endpoint as rate limited by a policy of <see cref="RateLimitOptions"/>.</summary>
internal sealed record RateLimitPolicyMetadata(string Name, Func<RateLimitOptions, RateLimitPolicy> Select);

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

/// <summary>
/// Fixed-window limits counted in PostgreSQL, so they hold across instances. Runs as middleware for the per-IP
/// count (before the body is read, so malformed requests are counted and answered with the headers too); every
/// response of a limited route carries <c>X-RateLimit-Limit/Remaining/Reset</c>, and over the limit the route
/// answers 429 with <c>Retry-After</c> (ASP.NET Core's own limiter would answer 503 and count per instance).
/// </summary>
internal sealed class RateLimitMiddleware(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context, IRateLimitStore store, ICurrentUser currentUser, IOptions<RateLimitOptions> options)
    {
        var metadata = context.GetEndpoint()?.Metadata.GetMetadata<RateLimitPolicyMetadata>();
        if (metadata is null)
        {
            await next(context);
            return;
        }

        var policy = metadata.Select(options.Value);
        if (!await CountAsync(context, store, policy, $"{metadata.Name}:ip:{ClientKey.Of(currentUser.ClientIp)}"))
        {
            return;
        }

        await next(context);
    }

    /// <summary>
    /// Counts one hit, arranges the <c>X-RateLimit-*</c> headers on the response and answers 429 when over the
    /// limit. Returns whether the request may go on.
    /// </summary>
    public static async Task<bool> CountAsync(HttpContext context, IRateLimitStore store, RateLimitPolicy policy, string key) =>
        await ApplyAsync(context, policy, await store.HitAsync(key, TimeSpan.FromSeconds(policy.WindowSeconds), context.RequestAborted));

    /// <summary>Arranges the headers for <paramref name="count"/> and answers 429 when it is over the limit.</summary>
    public static async Task<bool> ApplyAsync(HttpContext context, RateLimitPolicy policy, RateLimitCount count)
    {
        var state = new RateLimitState(policy, count);
        context.Features.Set(state);
        context.Response.OnStarting(() =>
        {
            var current = state.Count;
            var headers = context.Response.Headers;
            headers["X-RateLimit-Limit"] = policy.PermitLimit.ToString(CultureInfo.InvariantCulture);
            headers["X-RateLimit-Remaining"] = Math.Max(0, policy.PermitLimit - current.Hits).ToString(CultureInfo.InvariantCulture);
            headers["X-RateLimit-Reset"] = current.ResetsAt.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
            return Task.CompletedTask;
        });

        if (state.Exceeded)
        {
            await RejectAsync(context, state);
            return false;
        }

        return true;
    }

    public static Task RejectAsync(HttpContext context, RateLimitState state)
    {
        var retryAfter = Math.Max(1, (int)Math.Ceiling((state.Count.ResetsAt - state.Count.Now).TotalSeconds));
        context.Response.Headers.RetryAfter = retryAfter.ToString(CultureInfo.InvariantCulture);
        return Problems.WriteAsync(context, 429, ProblemCodes.RateLimited, "Too Many Requests", $"Too many requests. Retry in {retryAfter} seconds.");
    }
}

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

        var (policy, key) = currentUser.UserId is { } userId
            ? (options.Value.Authenticated, $"api:user:{userId}")
            : (options.Value.Anonymous, $"api:ip:{ClientKey.Of(currentUser.ClientIp)}");
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

        if (await RateLimitMiddleware.ApplyAsync(context, policy, count))
        {
            await next(context);
        }
    }

    private static bool IsTiered(PathString path) =>
        path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase) || path.StartsWithSegments("/status", StringComparison.OrdinalIgnoreCase);
}

/// <summary>
/// The client part of a per-IP key. An IPv6 client is keyed by its /64 network: one subscriber usually holds a whole
/// /64, and keying by the full address would let them rotate addresses past every per-IP limit.
/// </summary>
internal static class ClientKey
{
    public static string Of(string? ip)
    {
        if (ip is null || !System.Net.IPAddress.TryParse(ip, out var address))
        {
            return ip ?? "unknown";
        }

        if (address.IsIPv4MappedToIPv6)
        {
            return address.MapToIPv4().ToString();
        }

        if (address.AddressFamily != System.Net.Sockets.AddressFamily.InterNetworkV6)
        {
            return address.ToString();
        }

        var bytes = address.GetAddressBytes();
        Array.Clear(bytes, 8, 8);
        return $"{new System.Net.IPAddress(bytes)}/64";
    }
}

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
