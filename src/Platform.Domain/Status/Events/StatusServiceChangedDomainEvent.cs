namespace Platform.Domain.Status.Events;

/// <summary>A service was created, edited or deleted.</summary>
public sealed record StatusServiceChangedDomainEvent(StatusService Service, DateTimeOffset OccurredAt) : IStatusPageDomainEvent;
