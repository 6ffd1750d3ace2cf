using FluentValidation;

namespace Platform.Application.Webhooks.Queries.GetWebhookEndpoint;

/// <summary>No inputs beyond the route to check; present so every request has a validator.</summary>
internal sealed class GetWebhookEndpointQueryValidator : AbstractValidator<GetWebhookEndpointQuery>
{
}
