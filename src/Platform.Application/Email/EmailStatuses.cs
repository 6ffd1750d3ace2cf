using Platform.Domain.Email;

namespace Platform.Application.Email;

/// <summary>The <c>status</c> filter's values, as the API spells them.</summary>
internal static class EmailStatuses
{
    public static readonly IReadOnlyDictionary<string, EmailMessageStatus> ByName = Enum.GetValues<EmailMessageStatus>()
        .ToDictionary(s => s.ToString().ToLowerInvariant(), s => s, StringComparer.Ordinal);

    public static string List => string.Join(", ", ByName.Keys);
}
