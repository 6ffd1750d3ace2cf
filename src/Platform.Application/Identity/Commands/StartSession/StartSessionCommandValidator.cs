using FluentValidation;

namespace Platform.Application.Identity.Commands.StartSession;

internal sealed class StartSessionCommandValidator : AbstractValidator<StartSessionCommand>
{
    public StartSessionCommandValidator()
    {
        RuleFor(x => x.UserId).NotEmpty();
        RuleFor(x => x.CheckedPasswordHash).NotEmpty();
    }
}
