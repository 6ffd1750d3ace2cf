namespace Platform.Application.Common.Inbound;

/// <summary>
/// Does what a source's events ask for. It runs inside the transaction of the command that marks the event processed,
/// so the changes it makes through the database context and the "processed" mark commit together; throwing rolls both
/// back, records the error on the event, and the outbox dispatcher runs it again with back-off. It may run more than
/// once for an event (an admin's reprocess), so it must be idempotent. Resolved in a fresh scope per event.
/// </summary>
public interface IInboundEventHandler
{
    Task HandleAsync(InboundEventContext inbound, CancellationToken cancellationToken);
}
