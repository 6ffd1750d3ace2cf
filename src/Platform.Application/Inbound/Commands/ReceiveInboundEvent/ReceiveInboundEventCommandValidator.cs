using FluentValidation;
using Platform.Domain.Inbound;

namespace Platform.Application.Inbound.Commands.ReceiveInboundEvent;

internal sealed class ReceiveInboundEventCommandValidator : AbstractValidator<ReceiveInboundEventCommand>
{
    public ReceiveInboundEventCommandValidator()
    {
        RuleFor(x => x.Source).NotEmpty().MaximumLength(InboundEvent.MaxSourceLength);
        RuleFor(x => x.EventId).NotEmpty().MaximumLength(InboundEvent.MaxEventIdLength).WithMessage($"The event id must be 1 to {InboundEvent.MaxEventIdLength} characters.");
        RuleFor(x => x.Type).NotEmpty().MaximumLength(InboundEvent.MaxTypeLength).WithMessage($"The event type must be 1 to {InboundEvent.MaxTypeLength} characters.");
        RuleFor(x => x.ContentType).MaximumLength(InboundEvent.MaxContentTypeLength);
        RuleFor(x => x.Payload).NotNull();
    }
}
