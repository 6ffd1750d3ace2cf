using Platform.Application.Common.Mapping;
using MapsterMapper;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Platform.Application.Common.Errors;
using Platform.Application.Common.Interfaces;
using Platform.Domain.Tickets;

namespace Platform.Application.Tickets.Queries.GetTicketComment;

internal sealed class GetTicketCommentQueryHandler(IPlatformDbContext db, ICurrentUser currentUser, IMapper mapper)
    : IRequestHandler<GetTicketCommentQuery, TicketCommentDto>
{
    public async Task<TicketCommentDto> Handle(GetTicketCommentQuery request, CancellationToken cancellationToken)
    {
        await db.EnsureVisibleAsync(request.TicketId, currentUser.Actor(), cancellationToken);

        return await db.TicketComments.AsNoTracking()
            .Where(c => c.TicketId == request.TicketId && c.Id == request.CommentId)
            .ProjectToDto<TicketCommentDto>(mapper.Config)
            .FirstOrDefaultAsync(cancellationToken)
            ?? throw new NotFoundException(TicketErrorCodes.CommentNotFound, "No comment with this id exists on this ticket.");
    }
}
