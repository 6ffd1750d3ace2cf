using FluentValidation;
using Platform.Application.Common.Validation;

namespace Platform.Application.Identity.Commands.IssueToken;

internal sealed class IssueTokenCommandValidator : AbstractValidator<IssueTokenCommand>
{
    public IssueTokenCommandValidator()
    {
        RuleFor(x => x.Email).NotEmpty().WithMessage("email is required.").MaximumLength(320).SingleLine();
        RuleFor(x => x.Password).NotEmpty().WithMessage("password is required.").MaximumLength(PasswordRules.MaxLength);
    }
}
