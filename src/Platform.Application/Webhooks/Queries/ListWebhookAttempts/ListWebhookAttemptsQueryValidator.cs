using FluentValidation;

namespace Platform.Application.Webhooks.Queries.ListWebhookAttempts;

internal sealed class ListWebhookAttemptsQueryValidator : AbstractValidator<ListWebhookAttemptsQuery>
{
    public ListWebhookAttemptsQueryValidator()
    {
        RuleFor(x => x.MessageId).NotEmpty();
    }
}
