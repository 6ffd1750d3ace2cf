namespace Platform.Domain.Tickets;

public enum TicketStatus
{
    Open,
    Pending,
    Resolved,
    Closed,
}
