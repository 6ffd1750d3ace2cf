using MapsterMapper;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Platform.Application.Common.Errors;
using Platform.Application.Common.Interfaces;
using Platform.Domain.Status;

namespace Platform.Application.Status.Queries.GetServiceUptime;

internal sealed class GetServiceUptimeQueryHandler(IPlatformDbContext db, StatusReadModel readModel, TimeProvider timeProvider, IMapper mapper) : IRequestHandler<GetServiceUptimeQuery, ServiceUptimeDto>
{
    public async Task<ServiceUptimeDto> Handle(GetServiceUptimeQuery request, CancellationToken cancellationToken)
    {
        var service = await db.MonitoredServices.AsNoTracking().FirstOrDefaultAsync(s => s.Slug == request.Slug, cancellationToken)
            ?? throw new NotFoundException(StatusErrorCodes.ServiceNotFound, "No service has this slug.");
        var uptime = await readModel.UptimeAsync([service], request.Days, timeProvider.GetUtcNow(), cancellationToken);
        var report = uptime[service.Id].Report;
        return new ServiceUptimeDto(
            mapper.Map<UptimeServiceDto>(service),
            [.. report.Days.Select(mapper.Map<UptimeDayDto>)],
            report.UptimePercent);
    }
}
