namespace Platform.Domain.Status.Events;

/// <summary>A maintenance in progress completed.</summary>
public sealed record MaintenanceCompletedDomainEvent(ScheduledMaintenance Maintenance, DateTimeOffset OccurredAt) : IStatusPageDomainEvent;
