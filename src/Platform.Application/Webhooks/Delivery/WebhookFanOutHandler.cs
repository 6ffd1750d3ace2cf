using Platform.Application.Common.Interfaces;
using Platform.Application.Common.Outbox;

namespace Platform.Application.Webhooks.Delivery;

/// <summary>
/// Turns an integration event into one webhook message per enabled endpoint subscribed to its type. Idempotent on
/// the event id (the outbox delivers at least once): a second run for the same event adds nothing. Endpoints
/// created after the event get nothing of it.
/// </summary>
internal sealed class WebhookFanOutHandler(IWebhookMessageWriter writer, TimeProvider timeProvider) : IOutboxHandler
{
    public async Task HandleAsync(OutboxEnvelope message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var body = WebhookMessageBodies.ForEvent(message.Type, message.OccurredAt, message.Payload);
        await writer.FanOutAsync(message.Id, message.Type, body, timeProvider.GetUtcNowMicros(), cancellationToken);
    }
}
