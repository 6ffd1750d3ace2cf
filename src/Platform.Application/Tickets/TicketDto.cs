using Platform.Application.Common.Messaging;
using Platform.Domain.Tickets;

namespace Platform.Application.Tickets;

/// <summary>A ticket as the API shows it. <see cref="Version"/> is the ETag.</summary>
public sealed record TicketDto(
    Guid Id,
    string Subject,
    string Body,
    string Priority,
    string Status,
    Guid RequesterId,
    Guid? AssigneeId,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    int Version) : IHasId
{
    public static TicketDto From(Ticket ticket)
    {
        ArgumentNullException.ThrowIfNull(ticket);
        return new TicketDto(
            ticket.Id,
            ticket.Subject,
            ticket.Body,
            TicketNames.Of(ticket.Priority),
            TicketNames.Of(ticket.Status),
            ticket.RequesterId,
            ticket.AssigneeId,
            ticket.CreatedAt,
            ticket.UpdatedAt,
            ticket.Version);
    }
}
