using FluentValidation;

namespace Platform.Application.Identity.Commands.StartTotpEnrolment;

internal sealed class StartTotpEnrolmentCommandValidator : AbstractValidator<StartTotpEnrolmentCommand>
{
    public StartTotpEnrolmentCommandValidator()
    {
        RuleFor(x => x.MfaToken).Must(AccountToken.IsWellFormed).WithMessage("mfa_token must be the token of the sign-in answer.").When(x => !string.IsNullOrEmpty(x.MfaToken));
    }
}
