using FluentValidation;

namespace Platform.Application.Identity.Commands.SendAccountMail;

internal sealed class SendAccountMailCommandValidator : AbstractValidator<SendAccountMailCommand>
{
    private static readonly string[] Kinds =
        [AccountMailKinds.EmailVerification, AccountMailKinds.EmailChange, AccountMailKinds.PasswordReset, AccountMailKinds.OneTimeCode];

    public SendAccountMailCommandValidator()
    {
        RuleFor(x => x.Request).NotNull();
        RuleFor(x => x.Request.Kind).Must(k => Kinds.Contains(k, StringComparer.Ordinal)).WithMessage("kind is not an account mail.");
        RuleFor(x => x.Request.Email).NotEmpty().MaximumLength(320);
        RuleFor(x => x.Request.UserId).NotNull().When(x => x.Request.Kind == AccountMailKinds.EmailChange);
    }
}
