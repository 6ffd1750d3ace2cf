using FluentValidation;

namespace Platform.Application.Common.Validation;

/// <summary>
/// Text rules shared by validators. Control characters are refused up front: PostgreSQL cannot store NUL in text,
/// and no field here has a use for them.
/// </summary>
public static class TextRules
{
    /// <summary>One line of text: no control characters at all.</summary>
    public static IRuleBuilderOptions<T, string?> SingleLine<T>(this IRuleBuilder<T, string?> rule) =>
        rule.Must(value => value is null || !value.Any(char.IsControl))
            .WithMessage("{PropertyName} must not contain control characters.");

    /// <summary>Free text: line breaks and tabs are fine, other control characters are not.</summary>
    public static IRuleBuilderOptions<T, string?> MultiLine<T>(this IRuleBuilder<T, string?> rule) =>
        rule.Must(value => value is null || !value.Any(c => char.IsControl(c) && c is not '\n' and not '\r' and not '\t'))
            .WithMessage("{PropertyName} must not contain control characters other than line breaks and tabs.");

    public static bool HasControlCharacters(string value) => value.Any(char.IsControl);
}
