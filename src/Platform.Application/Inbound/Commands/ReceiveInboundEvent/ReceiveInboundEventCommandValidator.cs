using FluentValidation;

namespace Platform.Application.Inbound.Commands.ReceiveInboundEvent;

internal sealed class ReceiveInboundEventCommandValidator : AbstractValidator<ReceiveInboundEventCommand>
{
    public ReceiveInboundEventCommandValidator()
    {
        RuleFor(x => x.Source).NotEmpty().MaximumLength(50);
        RuleFor(x => x.EventId).NotEmpty().MaximumLength(200).WithMessage("The event id must be 1 to 200 characters.");
        RuleFor(x => x.Type).NotEmpty().MaximumLength(200).WithMessage("The event type must be 1 to 200 characters.");
        RuleFor(x => x.ContentType).MaximumLength(200);
        RuleFor(x => x.Payload).NotNull();
    }
}
