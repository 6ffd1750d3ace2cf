using Platform.Application.Common.Messaging;

namespace Platform.Application.Tickets.Queries.GetTicketComment;

public sealed record GetTicketCommentQuery(Guid TicketId, Guid CommentId) : IQuery<TicketCommentDto>;
