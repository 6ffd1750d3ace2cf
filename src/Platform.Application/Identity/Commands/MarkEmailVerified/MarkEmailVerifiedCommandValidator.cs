using FluentValidation;
using Platform.Application.Common.Validation;

namespace Platform.Application.Identity.Commands.MarkEmailVerified;

internal sealed class MarkEmailVerifiedCommandValidator : AbstractValidator<MarkEmailVerifiedCommand>
{
    public MarkEmailVerifiedCommandValidator()
    {
        RuleFor(x => x.Email).NotEmpty().WithMessage("email is required.").MaximumLength(320).SingleLine();
    }
}
