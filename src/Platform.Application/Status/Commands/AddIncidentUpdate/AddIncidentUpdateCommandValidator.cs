using FluentValidation;

namespace Platform.Application.Status.Commands.AddIncidentUpdate;

internal sealed class AddIncidentUpdateCommandValidator : AbstractValidator<AddIncidentUpdateCommand>
{
    public AddIncidentUpdateCommandValidator()
    {
        RuleFor(x => x.Status).ValidIncidentStatus();
        RuleFor(x => x.Message).ValidUpdateMessage();
        RuleFor(x => x.ServiceStatus).ValidServiceStatus().When(x => x.ServiceStatus is not null);
    }
}
