using MapsterMapper;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Platform.Application.Common.Interfaces;

namespace Platform.Application.Status.Queries.ListMonitoredServices;

internal sealed class ListMonitoredServicesQueryHandler(IPlatformDbContext db, StatusReadModel readModel, TimeProvider timeProvider, IMapper mapper)
    : IRequestHandler<ListMonitoredServicesQuery, IReadOnlyList<MonitoredServiceDto>>
{
    public async Task<IReadOnlyList<MonitoredServiceDto>> Handle(ListMonitoredServicesQuery request, CancellationToken cancellationToken)
    {
        var services = await db.MonitoredServices.AsNoTracking().ToListAsync(cancellationToken);
        var statuses = await readModel.CurrentStatusesAsync(null, timeProvider.GetUtcNow(), cancellationToken);
        return [.. services.InPageOrder().Select(s => s.ToDto(statuses, mapper))];
    }
}
