using Platform.Domain.Status;

namespace Platform.Application.Status;

/// <summary>The maintenances whose time has come, claimed by one instance at a time.</summary>
public interface IDueMaintenanceSource
{
    /// <summary>
    /// Locks and returns (tracked) up to <paramref name="batchSize"/> maintenances due to start or to complete at
    /// <paramref name="now"/>, oldest start first. One that another instance has locked is skipped (SKIP LOCKED):
    /// that instance is moving it, and the status check after the lock leaves nothing for a second run to do.
    /// </summary>
    Task<IReadOnlyList<ScheduledMaintenance>> ClaimDueAsync(DateTimeOffset now, int batchSize, CancellationToken cancellationToken);
}
