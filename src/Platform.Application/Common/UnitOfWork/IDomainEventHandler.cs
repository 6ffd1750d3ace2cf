using Platform.Domain.Common;

namespace Platform.Application.Common.UnitOfWork;

/// <summary>
/// Handles domain events inside the command's transaction, just before it is saved: whatever it writes (outbox rows,
/// notifications) commits or rolls back with the change. It receives every event of its type that the command
/// raised at once, so it can act on a batch (one notification for a hundred revoked sessions). It must not do
/// external I/O: work that leaves the process goes through the outbox. Scoped, and called again on every retry.
/// </summary>
public interface IDomainEventHandler<in TEvent>
    where TEvent : IDomainEvent
{
    Task HandleAsync(IReadOnlyList<TEvent> events, CancellationToken cancellationToken);
}
