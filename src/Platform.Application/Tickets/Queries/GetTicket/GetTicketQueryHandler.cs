using MapsterMapper;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Platform.Application.Common.Interfaces;
using Platform.Application.Common.Mapping;
using Platform.Domain.Tickets;

namespace Platform.Application.Tickets.Queries.GetTicket;

internal sealed class GetTicketQueryHandler(IPlatformDbContext db, ICurrentUser currentUser, IMapper mapper) : IRequestHandler<GetTicketQuery, TicketDto>
{
    // The same visibility rule as TicketAccess.VisibleTo, as compiled queries: a ticket read runs on most requests.
    private static readonly CompiledDtoQuery<Ticket, TicketDto, Guid, Guid> OwnTicket = new(
        (context, id, requesterId) => context.Set<Ticket>().AsNoTracking().Where(t => t.RequesterId == requesterId && t.Id == id));

    private static readonly CompiledDtoQuery<Ticket, TicketDto, Guid, Guid> AnyTicket = new(
        (context, id, _) => context.Set<Ticket>().AsNoTracking().Where(t => t.Id == id));

    public async Task<TicketDto> Handle(GetTicketQuery request, CancellationToken cancellationToken)
    {
        var actor = currentUser.Actor();
        var query = actor.IsStaff ? AnyTicket : OwnTicket;
        return await query.FirstOrDefaultAsync(db, mapper.Config, request.TicketId, actor.UserId, cancellationToken)
            ?? throw TicketAccess.NotFound();
    }
}
