using FluentValidation;
using Platform.Domain.Identity;

namespace Platform.Application.Identity.Commands.SetUserRoles;

internal sealed class SetUserRolesCommandValidator : AbstractValidator<SetUserRolesCommand>
{
    public SetUserRolesCommandValidator()
    {
        RuleFor(x => x.Roles).NotNull().WithMessage("roles is required.")
            .Must(r => r is { Count: > 0 }).WithMessage("roles must name at least one role.");
        RuleForEach(x => x.Roles).Must(Role.IsKnown).WithMessage($"Each role must be one of: {string.Join(", ", Role.All)}.");
    }
}
