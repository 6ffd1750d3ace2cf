using FluentValidation;

namespace Platform.Application.Identity.Commands.CompleteSecondFactorSignIn;

internal sealed class CompleteSecondFactorSignInCommandValidator : AbstractValidator<CompleteSecondFactorSignInCommand>
{
    public CompleteSecondFactorSignInCommandValidator()
    {
        RuleFor(x => x.UserId).NotEmpty();
        RuleFor(x => x.MfaToken).NotEmpty();
        RuleFor(x => x).Must(x => (x.Code is null) != (x.RecoveryCode is null)).WithMessage("Exactly one of code and recovery_code.");
    }
}
