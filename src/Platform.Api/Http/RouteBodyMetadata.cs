using Microsoft.Net.Http.Headers;

namespace Platform.Api.Http;

/// <summary>
/// A route whose body rules differ from the API's (JSON under <c>RequestLimits:MaxBodyBytes</c>): its own cap and the
/// media types it takes, such as inbound webhooks (what providers send) and CSP reports (what browsers send). A
/// media type may be a <c>+json</c> family written <c>application/*+json</c>; any charset other than UTF-8 is refused.
/// </summary>
internal sealed record RouteBodyMetadata(long MaxBodyBytes, IReadOnlyList<string> MediaTypes)
{
    /// <summary>What inbound webhook routes take.</summary>
    public static IReadOnlyList<string> InboundMediaTypes { get; } =
        ["application/json", "application/*+json", "text/plain", "application/x-www-form-urlencoded"];

    /// <summary>What browsers send CSP violation reports as: the legacy report-uri format and the Reporting API's.</summary>
    public static IReadOnlyList<string> CspReportMediaTypes { get; } = ["application/csp-report", "application/reports+json", "application/json"];

    public string AcceptedList => string.Join(", ", MediaTypes) + ", in UTF-8";

    public bool Accepts(string? contentType)
    {
        if (string.IsNullOrEmpty(contentType) || !MediaTypeHeaderValue.TryParse(contentType, out var parsed))
        {
            return false;
        }

        var mediaType = parsed.MediaType.Value ?? string.Empty;
        var charset = parsed.Charset.Value;
        var accepted = MediaTypes.Any(allowed => allowed.Contains("/*+", StringComparison.Ordinal)
            ? mediaType.StartsWith(allowed[..allowed.IndexOf('*', StringComparison.Ordinal)], StringComparison.OrdinalIgnoreCase)
              && mediaType.EndsWith(allowed[(allowed.IndexOf('*', StringComparison.Ordinal) + 1)..], StringComparison.OrdinalIgnoreCase)
            : mediaType.Equals(allowed, StringComparison.OrdinalIgnoreCase));
        return accepted && (charset is null || charset.Trim('"').Equals("utf-8", StringComparison.OrdinalIgnoreCase));
    }
}
