using System.Globalization;
using Microsoft.Extensions.Options;
using Platform.Application.Common.Interfaces;
using Platform.Infrastructure.RateLimiting;

namespace Platform.Api.Http;

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
        if (!await CountAsync(context, store, metadata.Name, policy, $"{metadata.Name}:ip:{ClientKey.Of(currentUser.ClientIp)}"))
        {
            return;
        }

        await next(context);
    }

    /// <summary>
    /// Counts one hit, arranges the <c>X-RateLimit-*</c> headers on the response and answers 429 when over the
    /// limit. Returns whether the request may go on.
    /// </summary>
    public static async Task<bool> CountAsync(HttpContext context, IRateLimitStore store, string tier, RateLimitPolicy policy, string key) =>
        await ApplyAsync(context, tier, policy, await store.HitAsync(key, TimeSpan.FromSeconds(policy.WindowSeconds), context.RequestAborted));

    /// <summary>Arranges the headers for <paramref name="count"/> and answers 429 when it is over the limit.</summary>
    public static async Task<bool> ApplyAsync(HttpContext context, string tier, RateLimitPolicy policy, RateLimitCount count)
    {
        var state = new RateLimitState(tier, policy, count);
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
        ArgumentNullException.ThrowIfNull(state);
        context.RequestServices.GetRequiredService<Platform.Infrastructure.Observability.OperationalMetrics>().RateLimitRejected(state.Tier);
        var retryAfter = Math.Max(1, (int)Math.Ceiling((state.Count.ResetsAt - state.Count.Now).TotalSeconds));
        context.Response.Headers.RetryAfter = retryAfter.ToString(CultureInfo.InvariantCulture);
        return Problems.WriteAsync(context, 429, ProblemCodes.RateLimited, "Too Many Requests", $"Too many requests. Retry in {retryAfter} seconds.");
    }
}
