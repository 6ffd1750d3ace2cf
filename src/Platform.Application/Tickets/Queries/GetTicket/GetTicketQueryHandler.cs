using Platform.Application.Common.Mapping;
using MapsterMapper;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Platform.Application.Common.Interfaces;

namespace Platform.Application.Tickets.Queries.GetTicket;

internal sealed class GetTicketQueryHandler(IPlatformDbContext db, ICurrentUser currentUser, IMapper mapper) : IRequestHandler<GetTicketQuery, TicketDto>
{
    public async Task<TicketDto> Handle(GetTicketQuery request, CancellationToken cancellationToken)
    {
        return await db.Tickets.AsNoTracking()
            .VisibleTo(currentUser.Actor())
            .Where(t => t.Id == request.TicketId)
            .ProjectToDto<TicketDto>(mapper.Config)
            .FirstOrDefaultAsync(cancellationToken)
            ?? throw TicketAccess.NotFound();
    }
}
