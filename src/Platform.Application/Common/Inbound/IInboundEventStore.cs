using Platform.Domain.Inbound;

namespace Platform.Application.Common.Inbound;

/// <summary>The inbox's PostgreSQL-specific writes and locks, in the caller's transaction.</summary>
public interface IInboundEventStore
{
    /// <summary>
    /// Stores a verified event unless one with the same source and event id is already there (a provider's retry, or
    /// the same event arriving twice at once). Returns false for a duplicate, which stored nothing.
    /// </summary>
    Task<bool> TryInsertAsync(InboundEvent inbound, CancellationToken cancellationToken);

    /// <summary>Locks one event for processing or an admin's change (FOR UPDATE) and returns it tracked, or null.</summary>
    Task<InboundEvent?> LockAsync(Guid id, CancellationToken cancellationToken);
}
