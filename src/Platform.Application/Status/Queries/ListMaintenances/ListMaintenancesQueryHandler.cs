using Platform.Application.Common.Mapping;
using MapsterMapper;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Platform.Application.Common.Interfaces;
using Platform.Application.Common.Paging;
using Platform.Domain.Status;

namespace Platform.Application.Status.Queries.ListMaintenances;

internal sealed class ListMaintenancesQueryHandler(IPlatformDbContext db, CursorCodec cursors, IMapper mapper) : IRequestHandler<ListMaintenancesQuery, Page<MaintenanceDto>>
{
    private readonly KeysetList<ScheduledMaintenance, MaintenanceDto> latest = new(
        "status-maintenances",
        (q, p) => q.Where(m => m.StartsAt < p.CreatedAt || (m.StartsAt == p.CreatedAt && m.Id.CompareTo(p.Id) < 0)),
        q => q.OrderByDescending(m => m.StartsAt).ThenByDescending(m => m.Id),
        q => q.ProjectToDto<MaintenanceDto>(mapper.Config),
        dto => new KeysetPosition(dto.StartsAt, dto.Id));

    public Task<Page<MaintenanceDto>> Handle(ListMaintenancesQuery request, CancellationToken cancellationToken) =>
        db.Maintenances.AsNoTracking().ToPageAsync(request, latest, cursors, cancellationToken);
}
