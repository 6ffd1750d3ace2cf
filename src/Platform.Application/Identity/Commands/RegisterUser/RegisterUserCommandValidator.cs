using FluentValidation;
using Platform.Application.Common.Validation;
using Platform.Domain.Identity;

namespace Platform.Application.Identity.Commands.RegisterUser;

internal sealed class RegisterUserCommandValidator : AbstractValidator<RegisterUserCommand>
{
    public RegisterUserCommandValidator()
    {
        RuleFor(x => x.Email).Must(EmailAddress.IsValid).WithMessage("email must be a valid email address.");
        RuleFor(x => x.Password).ValidPassword();
        RuleFor(x => x.DisplayName)
            .Must(n => !string.IsNullOrWhiteSpace(n)).WithMessage("display_name is required.")
            .MaximumLength(100).WithMessage("display_name must be at most 100 characters.")
            .SingleLine();
    }
}
