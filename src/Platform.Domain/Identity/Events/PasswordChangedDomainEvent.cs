using Platform.Domain.Common;

namespace Platform.Domain.Identity.Events;

/// <summary>A user's password was changed.</summary>
public sealed record PasswordChangedDomainEvent(User User, DateTimeOffset OccurredAt) : IDomainEvent;
