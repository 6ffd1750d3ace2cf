using FluentValidation;
using Platform.Application.Common.Validation;
using Platform.Domain.Identity;

namespace Platform.Application.Identity.Commands.IssueToken;

internal sealed class IssueTokenCommandValidator : AbstractValidator<IssueTokenCommand>
{
    public IssueTokenCommandValidator()
    {
        RuleFor(x => x.Email).NotEmpty().WithMessage("email is required.").MaximumLength(320).SingleLine();
        RuleFor(x => x.Password).NotEmpty().WithMessage("password is required.").MaximumLength(PasswordRules.MaxLength);
        RuleFor(x => x.DeviceName!).MaximumLength(UserSession.MaxDeviceNameLength).SingleLine().When(x => x.DeviceName is not null);
    }
}
