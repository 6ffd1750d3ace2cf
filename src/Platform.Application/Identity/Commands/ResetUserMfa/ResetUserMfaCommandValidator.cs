using FluentValidation;

namespace Platform.Application.Identity.Commands.ResetUserMfa;

internal sealed class ResetUserMfaCommandValidator : AbstractValidator<ResetUserMfaCommand>
{
    public ResetUserMfaCommandValidator()
    {
        RuleFor(x => x.UserId).NotEmpty();
    }
}
