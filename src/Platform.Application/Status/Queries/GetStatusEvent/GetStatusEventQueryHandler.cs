using MediatR;
using Microsoft.EntityFrameworkCore;
using Platform.Application.Common.Errors;
using Platform.Application.Common.Interfaces;

namespace Platform.Application.Status.Queries.GetStatusEvent;

internal sealed class GetStatusEventQueryHandler(IPlatformDbContext db) : IRequestHandler<GetStatusEventQuery, StatusEventDto>
{
    public async Task<StatusEventDto> Handle(GetStatusEventQuery request, CancellationToken cancellationToken)
    {
        var found = await db.StatusEvents.AsNoTracking()
            .FirstOrDefaultAsync(e => e.Id == request.EventId && e.ServiceId == request.ServiceId, cancellationToken)
            ?? throw new NotFoundException(StatusErrorCodes.EventNotFound, "This service has no event with this id.");
        return StatusEventDto.From(found);
    }
}
