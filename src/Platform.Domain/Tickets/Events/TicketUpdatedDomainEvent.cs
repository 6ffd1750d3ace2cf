using Platform.Domain.Common;

namespace Platform.Domain.Tickets.Events;

/// <summary>A ticket's subject, body, priority or assignee changed (raised once per unit of work).</summary>
public sealed record TicketUpdatedDomainEvent(Ticket Ticket, DateTimeOffset OccurredAt) : IDomainEvent;
