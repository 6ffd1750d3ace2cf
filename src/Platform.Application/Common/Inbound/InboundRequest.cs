namespace Platform.Application.Common.Inbound;

/// <summary>
/// An inbound webhook request as a source sees it: its headers (names compared without regard to case) and its raw
/// body, exactly as received. Verification reads the raw bytes, never a re-serialised form.
/// </summary>
public sealed record InboundRequest(IReadOnlyDictionary<string, string> Headers, ReadOnlyMemory<byte> Body, string? ContentType)
{
    /// <summary>The header's value, or null when the request has none.</summary>
    public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;
}
