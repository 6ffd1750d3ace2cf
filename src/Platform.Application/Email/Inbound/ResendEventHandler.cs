using System.Text.Json;
using Platform.Application.Common.Inbound;

namespace Platform.Application.Email.Inbound;

/// <summary>Applies a stored Resend event: records its bounce, complaint or delivery for every address it names.</summary>
internal sealed class ResendEventHandler(EmailEventRecorder recorder) : IInboundEventHandler
{
    public async Task HandleAsync(InboundEventContext inbound, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(inbound);
        using var document = JsonDocument.Parse(inbound.Payload);
        await EmailEventApplier.ApplyAsync(
            recorder, ResendEvents.Interpret(document.RootElement, inbound.EventId, inbound.ReceivedAt), ResendEvents.Provider, cancellationToken);
    }
}
