using MediatR;
using Microsoft.EntityFrameworkCore;
using Platform.Application.Common.Interfaces;

namespace Platform.Application.Tickets.Queries.GetTicket;

internal sealed class GetTicketQueryHandler(IPlatformDbContext db, ICurrentUser currentUser) : IRequestHandler<GetTicketQuery, TicketDto>
{
    public async Task<TicketDto> Handle(GetTicketQuery request, CancellationToken cancellationToken)
    {
        var ticket = await db.Tickets.AsNoTracking()
            .VisibleTo(currentUser.Actor())
            .FirstOrDefaultAsync(t => t.Id == request.TicketId, cancellationToken);
        return ticket is null ? throw TicketAccess.NotFound() : TicketDto.From(ticket);
    }
}
