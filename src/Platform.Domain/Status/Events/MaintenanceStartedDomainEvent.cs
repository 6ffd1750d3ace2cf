namespace Platform.Domain.Status.Events;

/// <summary>A scheduled maintenance started.</summary>
public sealed record MaintenanceStartedDomainEvent(ScheduledMaintenance Maintenance, DateTimeOffset OccurredAt) : IStatusPageDomainEvent;
