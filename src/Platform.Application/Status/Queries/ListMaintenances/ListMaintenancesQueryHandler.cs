using MediatR;
using Microsoft.EntityFrameworkCore;
using Platform.Application.Common.Interfaces;
using Platform.Application.Common.Paging;
using Platform.Domain.Status;

namespace Platform.Application.Status.Queries.ListMaintenances;

internal sealed class ListMaintenancesQueryHandler(IPlatformDbContext db, CursorCodec cursors) : IRequestHandler<ListMaintenancesQuery, Page<MaintenanceDto>>
{
    public async Task<Page<MaintenanceDto>> Handle(ListMaintenancesQuery request, CancellationToken cancellationToken)
    {
        var page = await db.Maintenances.AsNoTracking().ToPageAsync(request, Latest, cursors, cancellationToken);
        return page.Map(MaintenanceDto.From);
    }

    private static readonly KeysetList<ScheduledMaintenance, ScheduledMaintenance> Latest = new(
        "status-maintenances",
        (q, p) => q.Where(m => m.StartsAt < p.CreatedAt || (m.StartsAt == p.CreatedAt && m.Id.CompareTo(p.Id) < 0)),
        q => q.OrderByDescending(m => m.StartsAt).ThenByDescending(m => m.Id),
        m => m,
        m => new KeysetPosition(m.StartsAt, m.Id));
}
