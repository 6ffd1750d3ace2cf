using FluentValidation;

namespace Platform.Application.Identity.Commands.RevokeUserSessions;

internal sealed class RevokeUserSessionsCommandValidator : AbstractValidator<RevokeUserSessionsCommand>
{
    public RevokeUserSessionsCommandValidator()
    {
        RuleFor(x => x.UserId).NotEmpty();
    }
}
