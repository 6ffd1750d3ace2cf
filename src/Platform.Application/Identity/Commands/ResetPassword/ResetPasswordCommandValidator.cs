using FluentValidation;

namespace Platform.Application.Identity.Commands.ResetPassword;

internal sealed class ResetPasswordCommandValidator : AbstractValidator<ResetPasswordCommand>
{
    public ResetPasswordCommandValidator()
    {
        RuleFor(x => x.Token).Must(AccountToken.IsWellFormed).WithMessage("token must be the 43-character code from the mail.");
        RuleFor(x => x.NewPassword).NotEmpty().WithMessage("new_password is required.")
            .Length(PasswordRules.MinLength, PasswordRules.MaxLength)
            .WithMessage($"new_password must be {PasswordRules.MinLength} to {PasswordRules.MaxLength} characters.");
    }
}
