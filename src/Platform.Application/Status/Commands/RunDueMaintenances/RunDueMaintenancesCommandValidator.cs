using FluentValidation;

namespace Platform.Application.Status.Commands.RunDueMaintenances;

internal sealed class RunDueMaintenancesCommandValidator : AbstractValidator<RunDueMaintenancesCommand>
{
    public RunDueMaintenancesCommandValidator()
    {
        RuleFor(x => x.BatchSize).InclusiveBetween(1, 10_000);
    }
}
