using System.Globalization;
using Microsoft.Extensions.Options;
using Platform.Application.Common.Interfaces;
using Platform.Infrastructure.RateLimiting;

namespace Platform.Api.Http;

/// <summary>
/// Fixed-window limit per client IP, counted in PostgreSQL so it holds across instances. Every response of a
/// limited route carries <c>X-RateLimit-Limit/Remaining/Reset</c>; over the limit the route answers 429 with
/// <c>Retry-After</c> (ASP.NET Core's own limiter would answer 503 and count per instance).
/// </summary>
internal sealed class RateLimitFilter(string policyName, Func<RateLimitOptions, RateLimitPolicy> select, Func<EndpointFilterInvocationContext, string?>? account = null) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var policy = select(http.RequestServices.GetRequiredService<IOptions<RateLimitOptions>>().Value);
        var store = http.RequestServices.GetRequiredService<IRateLimitStore>();
        var ip = http.RequestServices.GetRequiredService<ICurrentUser>().ClientIp ?? "unknown";
        var window = TimeSpan.FromSeconds(policy.WindowSeconds);
        var count = await store.HitAsync($"{policyName}:ip:{ip}", window, http.RequestAborted);

        // Both limits hold: one IP spraying many accounts, and many IPs aiming at one account, are each slowed.
        if (account?.Invoke(context) is { Length: > 0 } accountKey)
        {
            var perAccount = await store.HitAsync($"{policyName}:account:{accountKey}", window, http.RequestAborted);
            if (perAccount.Hits > count.Hits)
            {
                count = perAccount;
            }
        }

        var remaining = Math.Max(0, policy.PermitLimit - count.Hits);
        var reset = count.ResetsAt.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        http.Response.OnStarting(() =>
        {
            http.Response.Headers["X-RateLimit-Limit"] = policy.PermitLimit.ToString(CultureInfo.InvariantCulture);
            http.Response.Headers["X-RateLimit-Remaining"] = remaining.ToString(CultureInfo.InvariantCulture);
            http.Response.Headers["X-RateLimit-Reset"] = reset;
            return Task.CompletedTask;
        });

        if (count.Hits > policy.PermitLimit)
        {
            var timeProvider = http.RequestServices.GetRequiredService<TimeProvider>();
            var retryAfter = Math.Max(1, (int)Math.Ceiling((count.ResetsAt - timeProvider.GetUtcNow()).TotalSeconds));
            http.Response.Headers.RetryAfter = retryAfter.ToString(CultureInfo.InvariantCulture);
            await Problems.WriteAsync(http, 429, ProblemCodes.RateLimited, "Too Many Requests", $"Too many requests. Retry in {retryAfter} seconds.");
            return Results.Empty;
        }

        return await next(context);
    }
}

internal static class RateLimitFilterExtensions
{
    /// <summary>The authentication tier: per client IP, and per account when <paramref name="account"/> names one.</summary>
    public static TBuilder RequireAuthRateLimit<TBuilder>(this TBuilder builder, Func<EndpointFilterInvocationContext, string?>? account = null)
        where TBuilder : IEndpointConventionBuilder =>
        builder.AddEndpointFilter(new RateLimitFilter("auth", o => o.Auth, account));
}
