using FluentValidation;

namespace Platform.Application.Webhooks.Commands.CreateWebhookEndpoint;

internal sealed class CreateWebhookEndpointCommandValidator : AbstractValidator<CreateWebhookEndpointCommand>
{
    public CreateWebhookEndpointCommandValidator()
    {
        RuleFor(x => x.Url).WebhookUrl();
        RuleFor(x => x.Description).WebhookDescription().When(x => x.Description is not null);
        RuleFor(x => x.EventTypes).WebhookEventTypeList();
    }
}
