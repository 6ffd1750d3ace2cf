using FluentValidation;

namespace Platform.Application.Identity.Commands.VerifyEmail;

internal sealed class VerifyEmailCommandValidator : AbstractValidator<VerifyEmailCommand>
{
    public VerifyEmailCommandValidator()
    {
        RuleFor(x => x.Token).Must(AccountToken.IsWellFormed).WithMessage("token must be the 43-character code from the mail.");
    }
}
