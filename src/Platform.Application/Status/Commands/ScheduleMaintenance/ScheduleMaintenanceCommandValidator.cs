using FluentValidation;
using Platform.Application.Common.Validation;
using Platform.Domain.Status;

namespace Platform.Application.Status.Commands.ScheduleMaintenance;

internal sealed class ScheduleMaintenanceCommandValidator : AbstractValidator<ScheduleMaintenanceCommand>
{
    public ScheduleMaintenanceCommandValidator()
    {
        RuleFor(x => x.Title).ValidTitle();
        RuleFor(x => x.StartsAt).NotNull().WithMessage("starts_at is required.");
        RuleFor(x => x.EndsAt).NotNull().WithMessage("ends_at is required.");
        RuleFor(x => x.EndsAt).Must((x, end) => end > x.StartsAt).When(x => x.StartsAt is not null && x.EndsAt is not null)
            .WithMessage("ends_at must be after starts_at.");
        RuleFor(x => x.AffectedServiceIds).Must(ids => ids is { Count: > 0 and <= 100 })
            .WithMessage("affected_service_ids must name 1 to 100 services.");
        RuleFor(x => x.Description!).MaximumLength(StatusRules.MaintenanceDescriptionMaxLength).MultiLine().When(x => x.Description is not null);
    }
}
