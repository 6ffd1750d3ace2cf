using FluentValidation;
using Platform.Domain.Identity;

namespace Platform.Application.Identity.Commands.ConfirmTotpEnrolment;

internal sealed class ConfirmTotpEnrolmentCommandValidator : AbstractValidator<ConfirmTotpEnrolmentCommand>
{
    public ConfirmTotpEnrolmentCommandValidator()
    {
        RuleFor(x => x.Code).Must(MfaRules.IsWellFormedTotpCode).WithMessage($"code must be the {MfaRules.TotpDigits} digits your authenticator app shows.");
        RuleFor(x => x.CurrentPassword).NotEmpty().WithMessage("current_password is required when you are signed in.").MaximumLength(PasswordRules.MaxLength)
            .When(x => string.IsNullOrEmpty(x.MfaToken));
        RuleFor(x => x.MfaToken).Must(AccountToken.IsWellFormed).WithMessage("mfa_token must be the token of the sign-in answer.").When(x => !string.IsNullOrEmpty(x.MfaToken));
    }
}
