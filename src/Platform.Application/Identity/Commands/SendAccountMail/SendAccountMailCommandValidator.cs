using FluentValidation;

namespace Platform.Application.Identity.Commands.SendAccountMail;

internal sealed class SendAccountMailCommandValidator : AbstractValidator<SendAccountMailCommand>
{
    public SendAccountMailCommandValidator()
    {
        RuleFor(x => x.Request).NotNull();
        RuleFor(x => x.Request.Kind).Must(k => AccountMailKinds.All.Contains(k, StringComparer.Ordinal)).WithMessage("kind is not an account mail.");
        RuleFor(x => x.Request.Email).NotEmpty().MaximumLength(320);
        RuleFor(x => x.Request.UserId).NotNull().When(x => x.Request.Kind == AccountMailKinds.EmailChange || AccountMailKinds.MfaNotices.Contains(x.Request.Kind, StringComparer.Ordinal));
    }
}
