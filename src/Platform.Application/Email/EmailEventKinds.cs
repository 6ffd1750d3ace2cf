using System.Text.Json;
using Platform.Domain.Email;

namespace Platform.Application.Email;

/// <summary>The <c>kind</c> filter's values, as the API spells them (hard_bounce, soft_bounce, ...).</summary>
internal static class EmailEventKinds
{
    public static readonly IReadOnlyDictionary<string, EmailEventKind> ByName = Enum.GetValues<EmailEventKind>()
        .ToDictionary(k => JsonNamingPolicy.SnakeCaseLower.ConvertName(k.ToString()), k => k, StringComparer.Ordinal);

    public static string List => string.Join(", ", ByName.Keys);
}
