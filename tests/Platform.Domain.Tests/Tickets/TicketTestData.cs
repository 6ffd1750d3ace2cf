using Platform.Domain.Tickets;

namespace Platform.Domain.Tests.Tickets;

/// <summary>Who acts on a ticket in a test case; TestCase arguments must be constants, so actors are named.</summary>
public enum ActorKind
{
    Requester,
    OtherCustomer,
    Staff,
}

/// <summary>Everything a user can observe about a ticket, to prove a failed call left it untouched.</summary>
internal sealed record TicketSnapshot(
    TicketStatus Status,
    string Subject,
    string Body,
    TicketPriority Priority,
    Guid? AssigneeId,
    DateTimeOffset UpdatedAt,
    int Version)
{
    public static TicketSnapshot Of(Ticket ticket) =>
        new(ticket.Status, ticket.Subject, ticket.Body, ticket.Priority, ticket.AssigneeId, ticket.UpdatedAt, ticket.Version);
}

internal static class TicketTestData
{
    public static readonly DateTimeOffset Now = new(2026, 11, 21, 12, 0, 0, TimeSpan.Zero);

    /// <summary>When the ticket was put into the status a test starts from.</summary>
    public static readonly DateTimeOffset Setup = Now.AddMinutes(5);

    /// <summary>When the action under test happens: strictly later than <see cref="Setup"/>.</summary>
    public static readonly DateTimeOffset Later = Now.AddHours(1);

    public static readonly Guid RequesterId = Guid.Parse("0a000000-0000-4000-8000-000000000001");
    public static readonly Guid OtherCustomerId = Guid.Parse("0a000000-0000-4000-8000-000000000002");
    public static readonly Guid StaffId = Guid.Parse("0a000000-0000-4000-8000-000000000003");
    public static readonly Guid OtherStaffId = Guid.Parse("0a000000-0000-4000-8000-000000000004");

    public static readonly TicketActor Requester = new(RequesterId, IsStaff: false);
    public static readonly TicketActor OtherCustomer = new(OtherCustomerId, IsStaff: false);
    public static readonly TicketActor Staff = new(StaffId, IsStaff: true);

    public static TicketActor Actor(ActorKind kind) => kind switch
    {
        ActorKind.Requester => Requester,
        ActorKind.OtherCustomer => OtherCustomer,
        ActorKind.Staff => Staff,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    public static Ticket NewTicket() =>
        Ticket.Open("Printer is on fire", "Smoke comes out of the paper tray.", TicketPriority.Normal, RequesterId, Now);

    /// <summary>A ticket raised by <see cref="Requester"/>, moved by staff (directly from open) into <paramref name="status"/>.</summary>
    public static Ticket TicketIn(TicketStatus status)
    {
        var ticket = NewTicket();
        if (status != TicketStatus.Open)
        {
            ticket.ChangeStatus(Staff, status, Setup);
        }

        return ticket;
    }
}
