using FluentValidation;
using Platform.Application.Common.Validation;

namespace Platform.Application.Identity.Commands.ResendEmailVerification;

internal sealed class ResendEmailVerificationCommandValidator : AbstractValidator<ResendEmailVerificationCommand>
{
    public ResendEmailVerificationCommandValidator()
    {
        RuleFor(x => x.Email).NotEmpty().WithMessage("email is required.").MaximumLength(320).SingleLine();
    }
}
