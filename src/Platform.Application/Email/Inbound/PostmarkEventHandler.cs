using System.Text.Json;
using Platform.Application.Common.Inbound;

namespace Platform.Application.Email.Inbound;

/// <summary>Applies a stored Postmark event: records its bounce, complaint, unsubscribe or delivery, or lifts a suppression Postmark lifted.</summary>
internal sealed class PostmarkEventHandler(EmailEventRecorder recorder) : IInboundEventHandler
{
    public async Task HandleAsync(InboundEventContext inbound, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(inbound);
        using var document = JsonDocument.Parse(inbound.Payload);
        await EmailEventApplier.ApplyAsync(
            recorder, PostmarkEvents.Interpret(document.RootElement, inbound.EventId, inbound.ReceivedAt), PostmarkEvents.Provider, cancellationToken);
    }
}
