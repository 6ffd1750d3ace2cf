using FluentValidation;
using Platform.Domain.Identity;

namespace Platform.Application.Identity.Commands.RequestEmailChange;

internal sealed class RequestEmailChangeCommandValidator : AbstractValidator<RequestEmailChangeCommand>
{
    public RequestEmailChangeCommandValidator()
    {
        RuleFor(x => x.NewEmail).Must(EmailAddress.IsValid).WithMessage("new_email must be a valid email address.");
        RuleFor(x => x.CurrentPassword).NotEmpty().WithMessage("current_password is required.").MaximumLength(PasswordRules.MaxLength);
    }
}
