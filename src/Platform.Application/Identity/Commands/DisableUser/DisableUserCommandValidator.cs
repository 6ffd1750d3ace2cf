using FluentValidation;

namespace Platform.Application.Identity.Commands.DisableUser;

internal sealed class DisableUserCommandValidator : AbstractValidator<DisableUserCommand>
{
    public DisableUserCommandValidator()
    {
        RuleFor(x => x.UserId).NotEmpty();
    }
}
