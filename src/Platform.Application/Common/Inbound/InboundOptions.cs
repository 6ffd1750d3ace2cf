namespace Platform.Application.Common.Inbound;

/// <summary>Limits of the inbound webhook routes (section <c>Inbound</c>); checked at start-up by the API.</summary>
public sealed class InboundOptions
{
    public const string SectionName = "Inbound";

    /// <summary>Largest body an inbound route accepts, in bytes (413 above it). Default 1 MiB: a bounce may carry the whole returned message.</summary>
    public long MaxBodyBytes { get; set; } = 1024 * 1024;

    public IReadOnlyList<string> Problems() =>
        MaxBodyBytes is < 1024 or > 16 * 1024 * 1024
            ? ["Inbound:MaxBodyBytes must be 1024 to 16777216 (16 MiB)."]
            : [];
}
