using Platform.Domain.Status;

namespace Platform.Application.Status;

/// <summary>Row locks on incidents, held until the caller's transaction ends.</summary>
public interface IIncidentLocks
{
    /// <summary>
    /// Locks the incident (FOR UPDATE) and loads it, tracked, with its updates, so two updates posted at once are
    /// applied one after the other; null when it does not exist.
    /// </summary>
    Task<Incident?> LockForUpdateAsync(Guid id, CancellationToken cancellationToken);
}
