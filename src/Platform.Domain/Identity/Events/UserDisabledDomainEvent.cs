using Platform.Domain.Common;

namespace Platform.Domain.Identity.Events;

/// <summary>An account was disabled.</summary>
public sealed record UserDisabledDomainEvent(User User, DateTimeOffset OccurredAt) : IDomainEvent;
