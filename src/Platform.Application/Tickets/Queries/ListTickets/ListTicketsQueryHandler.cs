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

    // The list's commonest shape, the next page of all tickets with no filter, as compiled queries (one per
    // visibility rule of TicketAccess.VisibleTo): the same SQL as the LINQ below, without building it per request.
    private static readonly CompiledDtoListQuery<Ticket, TicketDto, Guid, DateTimeOffset, Guid> OwnAfter = new(
        (context, requesterId, createdAt, id) => context.Set<Ticket>().AsNoTracking()
            .Where(t => t.RequesterId == requesterId)
            .Where(t => t.CreatedAt < createdAt || (t.CreatedAt == createdAt && t.Id.CompareTo(id) < 0))
            .OrderByDescending(t => t.CreatedAt).ThenByDescending(t => t.Id));

    private static readonly CompiledDtoListQuery<Ticket, TicketDto, Guid, DateTimeOffset, Guid> AnyAfter = new(
        (context, _, createdAt, id) => context.Set<Ticket>().AsNoTracking()
            .Where(t => t.CreatedAt < createdAt || (t.CreatedAt == createdAt && t.Id.CompareTo(id) < 0))
            .OrderByDescending(t => t.CreatedAt).ThenByDescending(t => t.Id));

    public async Task<Page<TicketDto>> Handle(ListTicketsQuery request, CancellationToken cancellationToken)
    {
        var actor = currentUser.Actor();
        if (request is { Cursor: { } cursor, Status: null, Priority: null, AssigneeId: null })
        {
            var after = cursors.Decode(cursor, newest.CursorScope);
            var rows = await (actor.IsStaff ? AnyAfter : OwnAfter)
                .ToListAsync(db, mapper.Config, actor.UserId, after.CreatedAt, after.Id, request.PageSize + 1, cancellationToken);
            return PagingExtensions.KeysetPage(rows, request.PageSize, newest, cursors);
        }

        var query = db.Tickets.AsNoTracking().VisibleTo(actor);
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

        return await query.ToPageAsync(request, newest, cursors, cancellationToken);
    }
}
