using FluentValidation;

namespace Platform.Application.Identity.Commands.ChangePassword;

internal sealed class ChangePasswordCommandValidator : AbstractValidator<ChangePasswordCommand>
{
    public ChangePasswordCommandValidator()
    {
        RuleFor(x => x.CurrentPassword).NotEmpty().WithMessage("current_password is required.").MaximumLength(PasswordRules.MaxLength);
        RuleFor(x => x.NewPassword).NotEmpty().WithMessage("new_password is required.")
            .Length(PasswordRules.MinLength, PasswordRules.MaxLength)
            .WithMessage($"new_password must be {PasswordRules.MinLength} to {PasswordRules.MaxLength} characters.");
        RuleFor(x => x.NewPassword).NotEqual(x => x.CurrentPassword).WithMessage("new_password must differ from current_password.")
            .When(x => !string.IsNullOrEmpty(x.NewPassword));
    }
}
