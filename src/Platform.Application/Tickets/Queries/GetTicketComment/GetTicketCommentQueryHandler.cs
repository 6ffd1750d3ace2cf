using MediatR;
using Microsoft.EntityFrameworkCore;
using Platform.Application.Common.Errors;
using Platform.Application.Common.Interfaces;

namespace Platform.Application.Tickets.Queries.GetTicketComment;

internal sealed class GetTicketCommentQueryHandler(IPlatformDbContext db, ICurrentUser currentUser)
    : IRequestHandler<GetTicketCommentQuery, TicketCommentDto>
{
    public async Task<TicketCommentDto> Handle(GetTicketCommentQuery request, CancellationToken cancellationToken)
    {
        await db.EnsureVisibleAsync(request.TicketId, currentUser.Actor(), cancellationToken);

        return await db.TicketComments.AsNoTracking()
            .Where(c => c.TicketId == request.TicketId && c.Id == request.CommentId)
            .Select(c => new TicketCommentDto(c.Id, c.TicketId, c.AuthorId, c.Body, c.CreatedAt))
            .FirstOrDefaultAsync(cancellationToken)
            ?? throw new NotFoundException(ErrorCodes.TicketCommentNotFound, "No comment with this id exists on this ticket.");
    }
}
