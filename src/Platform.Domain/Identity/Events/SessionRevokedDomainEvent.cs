using Platform.Domain.Common;

namespace Platform.Domain.Identity.Events;

/// <summary>A live session was revoked (<see cref="SessionRevokeReason"/> says why); its tokens must stop working everywhere.</summary>
public sealed record SessionRevokedDomainEvent(UserSession Session, string Reason, DateTimeOffset OccurredAt) : IDomainEvent;
