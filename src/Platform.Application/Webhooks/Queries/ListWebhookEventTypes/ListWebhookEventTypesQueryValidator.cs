using FluentValidation;

namespace Platform.Application.Webhooks.Queries.ListWebhookEventTypes;

/// <summary>No inputs to check; present so every request has a validator.</summary>
internal sealed class ListWebhookEventTypesQueryValidator : AbstractValidator<ListWebhookEventTypesQuery>
{
}
