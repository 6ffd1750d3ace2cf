namespace Platform.Domain.Status.Events;

/// <summary>An incident was opened with its first update.</summary>
public sealed record IncidentCreatedDomainEvent(Incident Incident, DateTimeOffset OccurredAt) : IStatusPageDomainEvent;
