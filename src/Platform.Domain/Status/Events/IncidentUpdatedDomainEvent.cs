namespace Platform.Domain.Status.Events;

/// <summary>An update was posted to an open incident (possibly resolving it).</summary>
public sealed record IncidentUpdatedDomainEvent(Incident Incident, IncidentUpdate Update, DateTimeOffset OccurredAt) : IStatusPageDomainEvent;
