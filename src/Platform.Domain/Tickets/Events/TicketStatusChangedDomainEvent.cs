using Platform.Domain.Common;

namespace Platform.Domain.Tickets.Events;

/// <summary>A ticket moved from <paramref name="From"/> to another status.</summary>
public sealed record TicketStatusChangedDomainEvent(Ticket Ticket, TicketStatus From, DateTimeOffset OccurredAt) : IDomainEvent;
