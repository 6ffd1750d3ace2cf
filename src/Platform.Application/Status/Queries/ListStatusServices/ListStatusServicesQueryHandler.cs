using MapsterMapper;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Platform.Application.Common.Interfaces;

namespace Platform.Application.Status.Queries.ListStatusServices;

internal sealed class ListStatusServicesQueryHandler(IPlatformDbContext db, StatusReadModel readModel, TimeProvider timeProvider, IMapper mapper)
    : IRequestHandler<ListStatusServicesQuery, IReadOnlyList<StatusServiceDto>>
{
    public async Task<IReadOnlyList<StatusServiceDto>> Handle(ListStatusServicesQuery request, CancellationToken cancellationToken)
    {
        var services = await db.StatusServices.AsNoTracking().ToListAsync(cancellationToken);
        var statuses = await readModel.CurrentStatusesAsync(null, timeProvider.GetUtcNow(), cancellationToken);
        return [.. services.InPageOrder().Select(s => s.ToDto(statuses, mapper))];
    }
}
