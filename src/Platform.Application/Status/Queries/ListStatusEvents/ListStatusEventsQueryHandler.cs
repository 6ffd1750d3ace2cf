using Platform.Application.Common.Mapping;
using MapsterMapper;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Platform.Application.Common.Errors;
using Platform.Application.Common.Interfaces;
using Platform.Application.Common.Paging;
using Platform.Domain.Status;

namespace Platform.Application.Status.Queries.ListStatusEvents;

internal sealed class ListStatusEventsQueryHandler(IPlatformDbContext db, CursorCodec cursors, IMapper mapper) : IRequestHandler<ListStatusEventsQuery, Page<StatusEventDto>>
{
    public async Task<Page<StatusEventDto>> Handle(ListStatusEventsQuery request, CancellationToken cancellationToken)
    {
        if (!await db.MonitoredServices.AnyAsync(s => s.Id == request.ServiceId, cancellationToken))
        {
            throw new NotFoundException(StatusErrorCodes.ServiceNotFound, "No service has this id.");
        }

        return await db.StatusEvents.AsNoTracking()
            .Where(e => e.ServiceId == request.ServiceId)
            .ToPageAsync(request, NewestOf(request.ServiceId), cursors, cancellationToken);
    }

    private KeysetList<StatusEvent, StatusEventDto> NewestOf(Guid serviceId) => new(
        $"status-events:{serviceId}",
        (q, p) => q.Where(e => e.OccurredAt < p.CreatedAt || (e.OccurredAt == p.CreatedAt && e.Id.CompareTo(p.Id) < 0)),
        q => q.OrderByDescending(e => e.OccurredAt).ThenByDescending(e => e.Id),
        q => q.ProjectToDto<StatusEventDto>(mapper.Config),
        dto => new KeysetPosition(dto.OccurredAt, dto.Id));
}
