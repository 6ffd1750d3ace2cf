using Microsoft.Net.Http.Headers;

namespace Platform.Api.Http;

/// <summary>
/// Marks an inbound webhook route: its body cap (<c>Inbound:MaxBodyBytes</c>, not <c>RequestLimits</c>) and the
/// content types providers send, which are wider than the JSON the rest of the API takes.
/// </summary>
internal sealed record InboundRouteMetadata(long MaxBodyBytes)
{
    public const string AcceptedList = "application/json, application/*+json, text/plain or application/x-www-form-urlencoded, in UTF-8";

    /// <summary>JSON (also as <c>+json</c> types), plain text and form encoding, with no charset or UTF-8.</summary>
    public static bool Accepts(string? contentType)
    {
        if (string.IsNullOrEmpty(contentType) || !MediaTypeHeaderValue.TryParse(contentType, out var parsed))
        {
            return false;
        }

        var mediaType = parsed.MediaType.Value ?? string.Empty;
        var charset = parsed.Charset.Value;
        var accepted = mediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase)
            || (mediaType.StartsWith("application/", StringComparison.OrdinalIgnoreCase) && mediaType.EndsWith("+json", StringComparison.OrdinalIgnoreCase))
            || mediaType.Equals("text/plain", StringComparison.OrdinalIgnoreCase)
            || mediaType.Equals("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase);
        return accepted && (charset is null || charset.Trim('"').Equals("utf-8", StringComparison.OrdinalIgnoreCase));
    }
}
