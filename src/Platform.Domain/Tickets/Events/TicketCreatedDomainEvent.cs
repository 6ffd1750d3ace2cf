using Platform.Domain.Common;

namespace Platform.Domain.Tickets.Events;

/// <summary>A ticket was opened.</summary>
public sealed record TicketCreatedDomainEvent(Ticket Ticket, DateTimeOffset OccurredAt) : IDomainEvent;
