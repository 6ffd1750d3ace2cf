using Platform.Domain.Inbound;

namespace Platform.Application.Inbound;

/// <summary>The <c>status</c> filter's values, as the API spells them.</summary>
internal static class InboundStatuses
{
    public static readonly IReadOnlyDictionary<string, InboundEventStatus> ByName = Enum.GetValues<InboundEventStatus>()
        .ToDictionary(s => s.ToString().ToLowerInvariant(), s => s, StringComparer.Ordinal);

    public static string List => string.Join(", ", ByName.Keys);
}
