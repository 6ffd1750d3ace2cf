using FluentValidation;

namespace Platform.Application.Inbound.Commands.RecordInboundEventFailure;

internal sealed class RecordInboundEventFailureCommandValidator : AbstractValidator<RecordInboundEventFailureCommand>
{
    public RecordInboundEventFailureCommandValidator()
    {
        RuleFor(x => x.EventId).NotEmpty();
        RuleFor(x => x.Error).NotEmpty();
    }
}
