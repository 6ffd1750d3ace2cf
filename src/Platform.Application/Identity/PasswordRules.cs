using FluentValidation;

namespace Platform.Application.Identity;

internal static class PasswordRules
{
    public const int MinLength = 10;
    public const int MaxLength = 128;

    public static IRuleBuilderOptions<T, string> ValidPassword<T>(this IRuleBuilder<T, string> rule) =>
        rule.NotEmpty().WithMessage("password is required.")
            .Length(MinLength, MaxLength).WithMessage($"password must be {MinLength} to {MaxLength} characters.");
}
