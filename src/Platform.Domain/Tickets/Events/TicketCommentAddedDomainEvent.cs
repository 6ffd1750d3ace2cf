using Platform.Domain.Common;

namespace Platform.Domain.Tickets.Events;

/// <summary>A comment was added to a ticket.</summary>
public sealed record TicketCommentAddedDomainEvent(TicketComment Comment, DateTimeOffset OccurredAt) : IDomainEvent;
