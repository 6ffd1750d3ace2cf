using FluentValidation;

namespace Platform.Application.Inbound.Commands.ReprocessInboundEvent;

internal sealed class ReprocessInboundEventCommandValidator : AbstractValidator<ReprocessInboundEventCommand>
{
    public ReprocessInboundEventCommandValidator() =>
        RuleFor(x => x.EventId).NotEmpty();
}
