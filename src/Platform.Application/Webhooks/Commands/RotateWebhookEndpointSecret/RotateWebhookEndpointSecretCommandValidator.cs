using FluentValidation;

namespace Platform.Application.Webhooks.Commands.RotateWebhookEndpointSecret;

internal sealed class RotateWebhookEndpointSecretCommandValidator : AbstractValidator<RotateWebhookEndpointSecretCommand>
{
    public RotateWebhookEndpointSecretCommandValidator()
    {
        RuleFor(x => x.EndpointId).NotEmpty();
    }
}
