namespace Platform.Application.Common.Outbox;

/// <summary>
/// Does the work an integration event asks for, outside any request: the outbox dispatcher calls it at least once
/// per message, possibly more (after a crash or a lost acknowledgement), so it must be idempotent on
/// <see cref="OutboxEnvelope.Id"/>. Throwing makes the dispatcher retry the message later with back-off; it is parked
/// as failed after the configured number of attempts. Registered per event type (<c>AddOutboxHandler</c>), resolved
/// in a fresh scope for every message.
/// </summary>
public interface IOutboxHandler
{
    Task HandleAsync(OutboxEnvelope message, CancellationToken cancellationToken);
}
