namespace Platform.Domain.Status.Events;

/// <summary>A service was created, edited or deleted.</summary>
public sealed record MonitoredServiceChangedDomainEvent(MonitoredService Service, DateTimeOffset OccurredAt) : IStatusPageDomainEvent;
