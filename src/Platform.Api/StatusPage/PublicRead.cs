using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.Extensions.Options;
using Platform.Api.Http;
using Platform.Application.Status;

namespace Platform.Api.StatusPage;

/// <summary>
/// Public, anonymous reads: a strong ETag, <c>Cache-Control: public, max-age=N</c>, and 304 for a matching
/// <c>If-None-Match</c>. Views of the status snapshot are rendered once per snapshot and then served from memory.
/// </summary>
internal static class PublicRead
{
    private static readonly ConditionalWeakTable<StatusPageSnapshot, Dictionary<string, Rendered>> Renders = [];

    public static IResult Json<T>(HttpContext context, T value, string? etag = null)
    {
        SetCaching(context);
        return ETags.Json(context, value, etag);
    }

    /// <summary>The <c>Cache-Control</c> value of the last max age seen: options rarely change, so it is built once.</summary>
    private static CacheControlValue cacheControl = new(-1, string.Empty);

    /// <summary>
    /// Serves <paramref name="view"/> of the snapshot, rendering it only the first time for this snapshot. The render
    /// gets the request rather than capturing it, so a served (not rendered) view allocates no closure.
    /// </summary>
    public static IResult Snapshot(HttpContext context, StatusPageSnapshot snapshot, string view, string contentType, Func<HttpContext, StatusPageSnapshot, byte[]> render)
    {
        var views = Renders.GetValue(snapshot, _ => []);
        Rendered rendered;
        lock (views)
        {
            if (!views.TryGetValue(view, out rendered!))
            {
                var body = render(context, snapshot);
                rendered = new Rendered(body, $"\"{Convert.ToHexStringLower(SHA256.HashData(body).AsSpan(0, 16))}\"");
                views[view] = rendered;
            }
        }

        SetCaching(context);
        context.Response.Headers.ETag = rendered.ETag;
        return ETags.Matches(context.Request, rendered.ETag)
            ? TypedResults.StatusCode(StatusCodes.Status304NotModified)
            : TypedResults.Bytes(rendered.Body, contentType);
    }

    public static byte[] SerializeJson<T>(HttpContext context, T value)
    {
        var options = context.RequestServices.GetRequiredService<IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions>>().Value.SerializerOptions;
        return JsonSerializer.SerializeToUtf8Bytes(value, options);
    }

    private static void SetCaching(HttpContext context)
    {
        var maxAge = context.RequestServices.GetRequiredService<IOptions<StatusPageOptions>>().Value.MaxAgeSeconds;
        var cached = cacheControl;
        if (cached.MaxAge != maxAge)
        {
            cached = new CacheControlValue(maxAge, $"public, max-age={maxAge}");
            cacheControl = cached;
        }

        context.Response.Headers.CacheControl = cached.Value;
    }

    private sealed record Rendered(byte[] Body, string ETag);

    private sealed record CacheControlValue(int MaxAge, string Value);
}
