namespace Platform.Domain.Status;

/// <summary>A maintenance moves Scheduled, then InProgress, then Completed; never back.</summary>
public enum MaintenanceStatus
{
    Scheduled,
    InProgress,
    Completed,
}
