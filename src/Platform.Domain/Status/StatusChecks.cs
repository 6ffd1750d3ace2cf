using Platform.Domain.Common;

namespace Platform.Domain.Status;

/// <summary>Argument checks shared by the status entities; each failure names its error code and snake_case field.</summary>
internal static class StatusChecks
{
    /// <summary>A title: trimmed, 1 to <see cref="StatusRules.TitleMaxLength"/> characters.</summary>
    public static string Title(string title)
    {
        var trimmed = title.Trim();
        if (trimmed.Length is 0 or > StatusRules.TitleMaxLength)
        {
            throw Invalid(StatusErrorCodes.InvalidTitle, $"The title must be 1 to {StatusRules.TitleMaxLength} characters.", "title");
        }

        return trimmed;
    }

    /// <summary>Optional free text (may be empty), kept as given.</summary>
    public static string OptionalText(string text, int maxLength, string code, string field)
    {
        if (text.Length > maxLength)
        {
            throw Invalid(code, $"The {field} must be at most {maxLength} characters.", field);
        }

        return text;
    }

    /// <summary>Required free text: not blank, kept as given.</summary>
    public static string RequiredText(string text, int maxLength, string code, string field)
    {
        if (string.IsNullOrWhiteSpace(text) || text.Length > maxLength)
        {
            throw Invalid(code, $"The {field} must be 1 to {maxLength} characters.", field);
        }

        return text;
    }

    /// <summary>Service ids without duplicates, first occurrence first.</summary>
    public static List<Guid> DistinctIds(IEnumerable<Guid> ids) => [.. ids.Distinct()];

    public static DomainException Invalid(string code, string message, string field) =>
        new(code, message, DomainErrorKind.Invalid, field);
}
