using Platform.Application.Common.Mapping;
using MapsterMapper;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Platform.Application.Common.Errors;
using Platform.Application.Common.Interfaces;
using Platform.Domain.Status;

namespace Platform.Application.Status.Queries.GetStatusEvent;

internal sealed class GetStatusEventQueryHandler(IPlatformDbContext db, IMapper mapper) : IRequestHandler<GetStatusEventQuery, StatusEventDto>
{
    public async Task<StatusEventDto> Handle(GetStatusEventQuery request, CancellationToken cancellationToken)
    {
        return await db.StatusEvents.AsNoTracking()
            .Where(e => e.Id == request.EventId && e.ServiceId == request.ServiceId)
            .ProjectToDto<StatusEventDto>(mapper.Config)
            .FirstOrDefaultAsync(cancellationToken)
            ?? throw new NotFoundException(StatusErrorCodes.EventNotFound, "This service has no event with this id.");
    }
}
