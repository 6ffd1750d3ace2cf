using FluentValidation;

namespace Platform.Application.Status.Commands.DeleteMonitoredService;

internal sealed class DeleteMonitoredServiceCommandValidator : AbstractValidator<DeleteMonitoredServiceCommand>
{
    public DeleteMonitoredServiceCommandValidator()
    {
        RuleFor(x => x.ServiceId).NotEmpty();
    }
}
