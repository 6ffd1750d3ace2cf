using FluentValidation;

namespace Platform.Application.Identity.Commands.EnableUser;

internal sealed class EnableUserCommandValidator : AbstractValidator<EnableUserCommand>
{
    public EnableUserCommandValidator()
    {
        RuleFor(x => x.UserId).NotEmpty();
    }
}
