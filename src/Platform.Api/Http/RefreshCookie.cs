using Microsoft.Extensions.Options;
using Platform.Application.Identity;

namespace Platform.Api.Http;

/// <summary>
/// Browser cookie mode for the refresh token: HttpOnly (script cannot read it) and SameSite=Strict; outside
/// Development also Secure with the <c>__Host-</c> prefix (host-only, path /, HTTPS only). Development serves plain
/// HTTP on localhost, where a Secure cookie would never come back, so there it is neither.
/// </summary>
internal static class RefreshCookie
{
    public const string CsrfHeader = "X-CSRF-Protection";

    public static string Name(HttpContext context)
    {
        var options = context.RequestServices.GetRequiredService<IOptions<AuthOptions>>().Value;
        return IsDevelopment(context) ? options.RefreshCookieName : "__Host-" + options.RefreshCookieName;
    }

    public static string? Read(HttpContext context) =>
        context.Request.Cookies.TryGetValue(Name(context), out var value) && !string.IsNullOrEmpty(value) ? value : null;

    public static bool HasCsrfHeader(HttpContext context) =>
        context.Request.Headers.TryGetValue(CsrfHeader, out var values) && values.Count == 1 && values.ToString() == "1";

    /// <summary>Moves the refresh token from the body into the cookie.</summary>
    public static TokenDto Set(HttpContext context, TokenDto tokens)
    {
        var options = context.RequestServices.GetRequiredService<IOptions<AuthOptions>>().Value;
        context.Response.Cookies.Append(Name(context), tokens.RefreshToken ?? string.Empty, Options(context, options.SessionAbsoluteLifetime));
        return tokens with { RefreshToken = null };
    }

    /// <summary>Tells the browser to drop the cookie (after logout, or when the session was ended for reuse).</summary>
    public static void Clear(HttpContext context)
    {
        var options = Options(context, TimeSpan.Zero);
        options.Expires = DateTimeOffset.UnixEpoch;
        context.Response.Cookies.Append(Name(context), string.Empty, options);
    }

    private static CookieOptions Options(HttpContext context, TimeSpan maxAge) => new()
    {
        HttpOnly = true,
        Secure = !IsDevelopment(context),
        SameSite = SameSiteMode.Strict,
        Path = "/",
        MaxAge = maxAge,
        IsEssential = true,
    };

    private static bool IsDevelopment(HttpContext context) =>
        context.RequestServices.GetRequiredService<IHostEnvironment>().IsDevelopment();
}
