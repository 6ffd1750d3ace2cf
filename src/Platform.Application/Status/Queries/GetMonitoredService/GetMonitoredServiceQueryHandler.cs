using MapsterMapper;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Platform.Application.Common.Errors;
using Platform.Application.Common.Interfaces;
using Platform.Domain.Status;

namespace Platform.Application.Status.Queries.GetMonitoredService;

internal sealed class GetMonitoredServiceQueryHandler(IPlatformDbContext db, StatusReadModel readModel, TimeProvider timeProvider, IMapper mapper) : IRequestHandler<GetMonitoredServiceQuery, MonitoredServiceDto>
{
    public async Task<MonitoredServiceDto> Handle(GetMonitoredServiceQuery request, CancellationToken cancellationToken)
    {
        var service = await db.MonitoredServices.AsNoTracking().FirstOrDefaultAsync(s => s.Id == request.ServiceId, cancellationToken)
            ?? throw new NotFoundException(StatusErrorCodes.ServiceNotFound, "No service has this id.");
        return await readModel.ToDtoAsync(service, timeProvider.GetUtcNow(), mapper, cancellationToken);
    }
}
