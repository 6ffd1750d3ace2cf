using Platform.Application.Common.Mapping;
using MapsterMapper;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Platform.Application.Common.Interfaces;
using Platform.Application.Common.Messaging;
using Platform.Application.Common.Paging;
using Platform.Domain.Tickets;

namespace Platform.Application.Tickets.Queries.ListTickets;

internal sealed class ListTicketsQueryHandler(IPlatformDbContext db, ICurrentUser currentUser, CursorCodec cursors, IMapper mapper)
    : IRequestHandler<ListTicketsQuery, Page<TicketDto>>
{
    /// <summary>Tickets newest first; cursors are scoped to this list.</summary>
    private readonly KeysetList<Ticket, TicketDto> newest = new(
        "tickets",
        (q, p) => q.Where(t => t.CreatedAt < p.CreatedAt || (t.CreatedAt == p.CreatedAt && t.Id.CompareTo(p.Id) < 0)),
        q => q.OrderByDescending(t => t.CreatedAt).ThenByDescending(t => t.Id),
        q => q.ProjectToDto<TicketDto>(mapper.Config),
        dto => new KeysetPosition(dto.CreatedAt, dto.Id));

    public Task<Page<TicketDto>> Handle(ListTicketsQuery request, CancellationToken cancellationToken)
    {
        var query = db.Tickets.AsNoTracking().VisibleTo(currentUser.Actor());
        if (request.Status is not null)
        {
            var status = WireNames.Parse<TicketStatus>(request.Status);
            query = query.Where(t => t.Status == status);
        }

        if (request.Priority is not null)
        {
            var priority = WireNames.Parse<TicketPriority>(request.Priority);
            query = query.Where(t => t.Priority == priority);
        }

        if (request.AssigneeId is { } assigneeId)
        {
            query = query.Where(t => t.AssigneeId == assigneeId);
        }

        return query.ToPageAsync(request, newest, cursors, cancellationToken);
    }
}
