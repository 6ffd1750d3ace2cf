using Platform.Domain.Status;

namespace Platform.Application.Status;

/// <summary>Row locks on status services, held until the caller's transaction ends; the services come back tracked.</summary>
public interface IMonitoredServiceLocks
{
    /// <summary>
    /// Locks the services about to get status events, in id order (FOR NO KEY UPDATE: writers of one service queue
    /// up instead of deadlocking on the version update; a delete, which needs the stronger lock, waits for them).
    /// Ids that name no service are left out of the result.
    /// </summary>
    Task<IReadOnlyList<MonitoredService>> LockForStatusChangeAsync(IReadOnlyCollection<Guid> ids, CancellationToken cancellationToken);

    /// <summary>Locks one service for an edit or a delete (FOR UPDATE), or returns null when it does not exist.</summary>
    Task<MonitoredService?> LockForChangeAsync(Guid id, CancellationToken cancellationToken);
}
