using FluentValidation;

namespace Platform.Application.Inbound.Commands.ProcessInboundEvent;

internal sealed class ProcessInboundEventCommandValidator : AbstractValidator<ProcessInboundEventCommand>
{
    public ProcessInboundEventCommandValidator() =>
        RuleFor(x => x.EventId).NotEmpty();
}
