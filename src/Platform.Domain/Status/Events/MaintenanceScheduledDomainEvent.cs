namespace Platform.Domain.Status.Events;

/// <summary>A maintenance window was scheduled.</summary>
public sealed record MaintenanceScheduledDomainEvent(ScheduledMaintenance Maintenance, DateTimeOffset OccurredAt) : IStatusPageDomainEvent;
