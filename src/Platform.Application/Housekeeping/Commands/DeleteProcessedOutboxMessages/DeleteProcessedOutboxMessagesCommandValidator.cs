using FluentValidation;

namespace Platform.Application.Housekeeping.Commands.DeleteProcessedOutboxMessages;

internal sealed class DeleteProcessedOutboxMessagesCommandValidator : AbstractValidator<DeleteProcessedOutboxMessagesCommand>
{
    public DeleteProcessedOutboxMessagesCommandValidator()
    {
        RuleFor(x => x.RetainFor).GreaterThanOrEqualTo(TimeSpan.Zero);
        RuleFor(x => x.BatchSize).InclusiveBetween(1, 100_000);
        RuleFor(x => x.MaxBatches).InclusiveBetween(1, 10_000);
    }
}
