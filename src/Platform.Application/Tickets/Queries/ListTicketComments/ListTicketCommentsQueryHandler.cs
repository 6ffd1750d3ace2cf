using Platform.Application.Common.Mapping;
using MapsterMapper;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Platform.Application.Common.Interfaces;
using Platform.Application.Common.Paging;
using Platform.Domain.Tickets;

namespace Platform.Application.Tickets.Queries.ListTicketComments;

internal sealed class ListTicketCommentsQueryHandler(IPlatformDbContext db, ICurrentUser currentUser, CursorCodec cursors, IMapper mapper)
    : IRequestHandler<ListTicketCommentsQuery, Page<TicketCommentDto>>
{
    public async Task<Page<TicketCommentDto>> Handle(ListTicketCommentsQuery request, CancellationToken cancellationToken)
    {
        await db.EnsureVisibleAsync(request.TicketId, currentUser.Actor(), cancellationToken);

        return await db.TicketComments.AsNoTracking()
            .Where(c => c.TicketId == request.TicketId)
            .ToPageAsync(request, NewestOf(request.TicketId), cursors, cancellationToken);
    }

    /// <summary>One ticket's comments newest first; cursors are scoped to that ticket's list.</summary>
    private KeysetList<TicketComment, TicketCommentDto> NewestOf(Guid ticketId) => new(
        $"ticket-comments:{ticketId}",
        (q, p) => q.Where(c => c.CreatedAt < p.CreatedAt || (c.CreatedAt == p.CreatedAt && c.Id.CompareTo(p.Id) < 0)),
        q => q.OrderByDescending(c => c.CreatedAt).ThenByDescending(c => c.Id),
        q => q.ProjectToDto<TicketCommentDto>(mapper.Config),
        dto => new KeysetPosition(dto.CreatedAt, dto.Id));
}
