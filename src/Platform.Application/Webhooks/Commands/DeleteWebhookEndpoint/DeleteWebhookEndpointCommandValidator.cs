using FluentValidation;

namespace Platform.Application.Webhooks.Commands.DeleteWebhookEndpoint;

internal sealed class DeleteWebhookEndpointCommandValidator : AbstractValidator<DeleteWebhookEndpointCommand>
{
    public DeleteWebhookEndpointCommandValidator()
    {
        RuleFor(x => x.EndpointId).NotEmpty();
    }
}
