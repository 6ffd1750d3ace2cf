namespace Platform.Domain.Tickets;

/// <summary>Who is acting on a ticket: the rules depend on whether they are staff (agent or admin).</summary>
public sealed record TicketActor(Guid UserId, bool IsStaff);
