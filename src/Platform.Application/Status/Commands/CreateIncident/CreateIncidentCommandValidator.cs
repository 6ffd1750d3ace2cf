using FluentValidation;
using Platform.Application.Common.Messaging;
using Platform.Domain.Status;

namespace Platform.Application.Status.Commands.CreateIncident;

internal sealed class CreateIncidentCommandValidator : AbstractValidator<CreateIncidentCommand>
{
    public CreateIncidentCommandValidator()
    {
        RuleFor(x => x.Title).ValidTitle();
        RuleFor(x => x.Status).ValidIncidentStatus();
        RuleFor(x => x.Impact).Must(s => WireNames.TryParse<IncidentImpact>(s, out _))
            .WithMessage($"impact must be one of: {string.Join(", ", WireNames.All<IncidentImpact>())}.");
        RuleFor(x => x.AffectedServiceIds).NotNull().WithMessage("affected_service_ids is required (it may be empty).")
            .Must(ids => ids is null || ids.Count <= 100).WithMessage("affected_service_ids may name at most 100 services.");
        RuleFor(x => x.Message).ValidUpdateMessage();
        RuleFor(x => x.ServiceStatus).ValidServiceStatus().When(x => x.ServiceStatus is not null);
        RuleFor(x => x.ServiceStatus).Null().When(x => x.AffectedServiceIds is { Count: 0 })
            .WithMessage("service_status needs affected_service_ids to apply to.");
    }
}
