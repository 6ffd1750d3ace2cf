using Platform.Application.Common.Messaging;
using Platform.Domain.Tickets;

namespace Platform.Application.Tickets;

public sealed record TicketCommentDto(Guid Id, Guid TicketId, Guid AuthorId, string Body, DateTimeOffset CreatedAt) : IHasId
{
    public static TicketCommentDto From(TicketComment comment)
    {
        ArgumentNullException.ThrowIfNull(comment);
        return new TicketCommentDto(comment.Id, comment.TicketId, comment.AuthorId, comment.Body, comment.CreatedAt);
    }
}
