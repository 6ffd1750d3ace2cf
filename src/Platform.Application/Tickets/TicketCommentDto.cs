using Platform.Application.Common.Messaging;

namespace Platform.Application.Tickets;

/// <summary>A comment on a ticket. Mapped in <see cref="TicketMapping"/>.</summary>
public sealed record TicketCommentDto(Guid Id, Guid TicketId, Guid AuthorId, string Body, DateTimeOffset CreatedAt) : IHasId;
