using Platform.Application.Common.Messaging;
using Platform.Domain.Tickets;

namespace Platform.Application.Tickets;

/// <summary>
/// A ticket as the API shows it. <see cref="Version"/> is the ETag. Enums stay enums; the JSON options write their
/// <see cref="WireNames"/>. Mapped in <see cref="TicketMapping"/>.
/// </summary>
public sealed record TicketDto(
    Guid Id,
    string Subject,
    string Body,
    TicketPriority Priority,
    TicketStatus Status,
    Guid RequesterId,
    Guid? AssigneeId,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    int Version) : IHasId;
