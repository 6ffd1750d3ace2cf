namespace Platform.Domain.Tickets;

public enum TicketPriority
{
    Low,
    Normal,
    High,
    Urgent,
}
