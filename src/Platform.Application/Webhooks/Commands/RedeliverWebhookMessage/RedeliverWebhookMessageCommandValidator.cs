using FluentValidation;

namespace Platform.Application.Webhooks.Commands.RedeliverWebhookMessage;

internal sealed class RedeliverWebhookMessageCommandValidator : AbstractValidator<RedeliverWebhookMessageCommand>
{
    public RedeliverWebhookMessageCommandValidator()
    {
        RuleFor(x => x.MessageId).NotEmpty();
    }
}
