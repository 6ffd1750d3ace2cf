using FluentValidation;

namespace Platform.Application.Housekeeping.Commands.DeleteOldWebhookMessages;

internal sealed class DeleteOldWebhookMessagesCommandValidator : AbstractValidator<DeleteOldWebhookMessagesCommand>
{
    public DeleteOldWebhookMessagesCommandValidator()
    {
        RuleFor(x => x.RetainDeliveredFor).GreaterThanOrEqualTo(TimeSpan.Zero);
        RuleFor(x => x.RetainFailedFor).GreaterThanOrEqualTo(TimeSpan.Zero);
        RuleFor(x => x.BatchSize).InclusiveBetween(1, 100_000);
        RuleFor(x => x.MaxBatches).InclusiveBetween(1, 10_000);
    }
}
