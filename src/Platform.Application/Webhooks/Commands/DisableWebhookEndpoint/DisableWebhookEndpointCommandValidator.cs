using FluentValidation;
using Platform.Domain.Webhooks;

namespace Platform.Application.Webhooks.Commands.DisableWebhookEndpoint;

internal sealed class DisableWebhookEndpointCommandValidator : AbstractValidator<DisableWebhookEndpointCommand>
{
    public DisableWebhookEndpointCommandValidator()
    {
        RuleFor(x => x.EndpointId).NotEmpty();
        RuleFor(x => x.Reason).Must(r => r is WebhookDisabledReason.Gone or WebhookDisabledReason.Failing)
            .WithMessage("Delivery disables an endpoint only because it is gone or failing; admins use PATCH.");
        RuleFor(x => x.Detail).NotNull().MaximumLength(2000);
    }
}
