using Platform.Domain.Status;

namespace Platform.Application.Status;

/// <summary>The status a service showed when a maintenance started, put back when the maintenance completes.</summary>
public sealed class MaintenanceRestorePoint
{
    public Guid MaintenanceId { get; init; }

    public Guid ServiceId { get; init; }

    public ServiceStatus StatusBefore { get; set; }
}
