using System.Text.Json;
using MediatR;
using Microsoft.Extensions.Logging;
using Platform.Application.Common.Messaging;
using Platform.Application.Common.Outbox;
using Platform.Application.Inbound.Commands.ProcessInboundEvent;
using Platform.Application.Inbound.Commands.RecordInboundEventFailure;

namespace Platform.Application.Inbound;

/// <summary>
/// Handles <c>inbound.received</c>: processes the stored event (its source's handler and the "processed" mark commit
/// together). When the handler fails, the error is recorded on the event in a transaction of its own and the failure
/// goes back to the dispatcher, which retries with back-off and parks the outbox message after its last attempt.
/// </summary>
internal sealed class InboundEventOutboxHandler(IMediator mediator, ILogger<InboundEventOutboxHandler> logger) : IOutboxHandler
{
    public async Task HandleAsync(OutboxEnvelope message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var received = JsonSerializer.Deserialize<InboundEventReceivedDto>(message.Payload, ApplicationJson.Options)
            ?? throw new JsonException($"The payload of outbox message {message.Id} is empty.");
        try
        {
            await mediator.Send(new ProcessInboundEventCommand(received.Id), cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogWarning(
                "Inbound event {InboundEventId} from {Source} ({Type}) failed in its handler (attempt {Attempt}): {Error}",
                received.Id, received.Source, received.Type, message.Attempt, ex.Message);
            await mediator.Send(new RecordInboundEventFailureCommand(received.Id, $"{ex.GetType().Name}: {ex.Message}"), cancellationToken);
            throw;
        }
    }
}
