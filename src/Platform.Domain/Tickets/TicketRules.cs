namespace Platform.Domain.Tickets;

/// <summary>The ticket life cycle: which status may follow which.</summary>
public static class TicketRules
{
    public const int SubjectMaxLength = 200;
    public const int BodyMaxLength = 20_000;
    public const int CommentMaxLength = 20_000;

    private static readonly Dictionary<TicketStatus, TicketStatus[]> Allowed = new()
    {
        [TicketStatus.Open] = [TicketStatus.Pending, TicketStatus.Resolved, TicketStatus.Closed],
        [TicketStatus.Pending] = [TicketStatus.Open, TicketStatus.Resolved, TicketStatus.Closed],
        [TicketStatus.Resolved] = [TicketStatus.Open, TicketStatus.Closed],
        [TicketStatus.Closed] = [],
    };

    public static bool CanTransition(TicketStatus from, TicketStatus to) => Allowed[from].Contains(to);

    /// <summary>Customers may edit the content of their ticket only while it is open or pending.</summary>
    public static bool RequesterMayEditContent(TicketStatus status) => status is TicketStatus.Open or TicketStatus.Pending;
}
