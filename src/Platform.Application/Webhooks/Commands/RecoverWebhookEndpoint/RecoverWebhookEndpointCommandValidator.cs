using FluentValidation;

namespace Platform.Application.Webhooks.Commands.RecoverWebhookEndpoint;

internal sealed class RecoverWebhookEndpointCommandValidator : AbstractValidator<RecoverWebhookEndpointCommand>
{
    public RecoverWebhookEndpointCommandValidator()
    {
        RuleFor(x => x.EndpointId).NotEmpty();
        RuleFor(x => x.Since).NotNull().WithMessage("since is required: the time from which failed messages are sent again (RFC 3339).");
    }
}
