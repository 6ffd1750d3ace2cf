using FluentValidation;

namespace Platform.Application.Webhooks.Commands.SendWebhookTestMessage;

internal sealed class SendWebhookTestMessageCommandValidator : AbstractValidator<SendWebhookTestMessageCommand>
{
    public SendWebhookTestMessageCommandValidator()
    {
        RuleFor(x => x.EndpointId).NotEmpty();
    }
}
