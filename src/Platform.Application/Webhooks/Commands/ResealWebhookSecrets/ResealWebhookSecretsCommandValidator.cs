using FluentValidation;

namespace Platform.Application.Webhooks.Commands.ResealWebhookSecrets;

/// <summary>No inputs to check (the Idempotency-Key is checked by its behaviour); present so every request has a validator.</summary>
internal sealed class ResealWebhookSecretsCommandValidator : AbstractValidator<ResealWebhookSecretsCommand>
{
}
