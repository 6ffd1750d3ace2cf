using FluentValidation;
using Platform.Application.Common.Validation;
using Platform.Domain.Identity;

namespace Platform.Application.Identity.Commands.VerifyOneTimeCode;

internal sealed class VerifyOneTimeCodeCommandValidator : AbstractValidator<VerifyOneTimeCodeCommand>
{
    public VerifyOneTimeCodeCommandValidator()
    {
        RuleFor(x => x.Email).NotEmpty().WithMessage("email is required.").MaximumLength(320).SingleLine();
        RuleFor(x => x.Code).Must(OneTimeCodeRules.IsWellFormed).WithMessage($"code must be the {OneTimeCodeRules.Digits} digits from the email.");
        RuleFor(x => x.DeviceName!).MaximumLength(UserSession.MaxDeviceNameLength).SingleLine().When(x => x.DeviceName is not null);
    }
}
