using MapsterMapper;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Platform.Application.Common.Errors;
using Platform.Application.Common.Interfaces;
using Platform.Domain.Status;

namespace Platform.Application.Status.Queries.GetIncident;

internal sealed class GetIncidentQueryHandler(IPlatformDbContext db, IMapper mapper) : IRequestHandler<GetIncidentQuery, IncidentDto>
{
    public async Task<IncidentDto> Handle(GetIncidentQuery request, CancellationToken cancellationToken)
    {
        var incident = await db.Incidents.AsNoTracking().Include(i => i.Updates).FirstOrDefaultAsync(i => i.Id == request.IncidentId, cancellationToken)
            ?? throw new NotFoundException(StatusErrorCodes.IncidentNotFound, "No incident has this id.");
        return mapper.Map<IncidentDto>(incident);
    }
}
