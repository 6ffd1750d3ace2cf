namespace Platform.Domain.Status.Events;

/// <summary>A status event was recorded for a service (the service entered <see cref="StatusEvent.Status"/> at its <see cref="StatusEvent.OccurredAt"/>).</summary>
public sealed record ServiceStatusChangedDomainEvent(StatusEvent Event, DateTimeOffset OccurredAt) : IStatusPageDomainEvent;
