using FluentValidation;

namespace Platform.Application.Webhooks.Commands.UpdateWebhookEndpoint;

internal sealed class UpdateWebhookEndpointCommandValidator : AbstractValidator<UpdateWebhookEndpointCommand>
{
    public UpdateWebhookEndpointCommandValidator()
    {
        RuleFor(x => x.EndpointId).NotEmpty();
        RuleFor(x => x.Url.Value!).NotNull().WithMessage("url must be a URL.").WebhookUrl()
            .When(x => x.Url.HasValue).OverridePropertyName("url");
        RuleFor(x => x.Description.Value).NotNull().WithMessage("description must be a string (empty for none).").WebhookDescription()
            .When(x => x.Description.HasValue).OverridePropertyName("description");
        RuleFor(x => x.EventTypes.Value!).WebhookEventTypeList()
            .When(x => x.EventTypes.HasValue).OverridePropertyName("event_types");
        RuleFor(x => x.Enabled.Value).NotNull().WithMessage("enabled must be true or false.")
            .When(x => x.Enabled.HasValue).OverridePropertyName("enabled");
    }
}
