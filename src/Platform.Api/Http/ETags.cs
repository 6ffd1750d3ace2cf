using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace Platform.Api.Http;

/// <summary>Strong ETags: a resource's version for single resources (so GET and If-Match agree), a body hash for lists.</summary>
internal static class ETags
{
    public static string ForVersion(int version) => $"\"v{version}\"";

    /// <summary>
    /// Parses If-Match into the resource versions it accepts. Null when absent or <c>*</c> (no precondition); an
    /// empty list when none of its entries is one of our strong version tags (nothing can match: 412).
    /// </summary>
    public static IReadOnlyList<int>? AcceptedVersions(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var header = request.Headers.IfMatch.ToString().Trim();
        if (header.Length == 0 || header == "*")
        {
            return null;
        }

        var versions = new List<int>();
        foreach (var candidate in header.Split(','))
        {
            var tag = candidate.Trim();
            if (tag.StartsWith("\"v", StringComparison.Ordinal) && tag.EndsWith('"') && tag.Length > 3
                && int.TryParse(tag.AsSpan(2, tag.Length - 3), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var version))
            {
                versions.Add(version);
            }
        }

        return versions;
    }

    public static bool Matches(HttpRequest request, string etag)
    {
        ArgumentNullException.ThrowIfNull(request);
        var header = request.Headers.IfNoneMatch.ToString();
        if (header.Length == 0)
        {
            return false;
        }

        return header.Trim() == "*" || header.Split(',').Any(t =>
        {
            var v = t.Trim();
            return v == etag || (v.StartsWith("W/", StringComparison.Ordinal) && v[2..] == etag);
        });
    }

    /// <summary>200 with the JSON body and its ETag, or 304 with no body when If-None-Match already has it.</summary>
    public static IResult Json<T>(HttpContext context, T value, string? etag = null)
    {
        ArgumentNullException.ThrowIfNull(context);
        var options = context.RequestServices.GetRequiredService<IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions>>().Value.SerializerOptions;
        var bytes = JsonSerializer.SerializeToUtf8Bytes(value, options);
        etag ??= $"\"{Convert.ToHexStringLower(SHA256.HashData(bytes).AsSpan(0, 16))}\"";
        context.Response.Headers.ETag = etag;
        if (Matches(context.Request, etag))
        {
            return TypedResults.StatusCode(StatusCodes.Status304NotModified);
        }

        return TypedResults.Bytes(bytes, "application/json");
    }

    public static void Set(HttpContext context, string etag) => context.Response.Headers[HeaderNames.ETag] = etag;
}
