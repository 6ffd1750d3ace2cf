using FluentValidation;
using Platform.Domain.Identity;

namespace Platform.Application.Identity.Commands.DisableTotp;

internal sealed class DisableTotpCommandValidator : AbstractValidator<DisableTotpCommand>
{
    public DisableTotpCommandValidator()
    {
        RuleFor(x => x.CurrentPassword).NotEmpty().WithMessage("current_password is required.").MaximumLength(PasswordRules.MaxLength);
        RuleFor(x => x).Must(x => string.IsNullOrEmpty(x.Code) != string.IsNullOrEmpty(x.RecoveryCode))
            .OverridePropertyName("code").WithMessage("Send either code (from the authenticator app) or recovery_code, not both.");
        RuleFor(x => x.Code).Must(MfaRules.IsWellFormedTotpCode).WithMessage($"code must be the {MfaRules.TotpDigits} digits your authenticator app shows.")
            .When(x => !string.IsNullOrEmpty(x.Code));
        RuleFor(x => x.RecoveryCode).Must(RecoveryCode.IsWellFormed).WithMessage($"recovery_code must be one of your recovery codes ({RecoveryCode.Length} letters and digits).")
            .When(x => !string.IsNullOrEmpty(x.RecoveryCode));
    }
}
