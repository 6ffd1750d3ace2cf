using Platform.Application.Common.Messaging;

namespace Platform.Application.Tickets;

/// <summary>A ticket as the API shows it. <see cref="Version"/> is the ETag. Mapped in <see cref="TicketMapping"/>.</summary>
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
    int Version) : IHasId;
