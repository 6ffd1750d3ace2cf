using MapsterMapper;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Platform.Application.Common.Errors;
using Platform.Application.Common.Interfaces;

namespace Platform.Application.Status.Queries.GetStatusService;

internal sealed class GetStatusServiceQueryHandler(IPlatformDbContext db, StatusReadModel readModel, TimeProvider timeProvider, IMapper mapper) : IRequestHandler<GetStatusServiceQuery, StatusServiceDto>
{
    public async Task<StatusServiceDto> Handle(GetStatusServiceQuery request, CancellationToken cancellationToken)
    {
        var service = await db.StatusServices.AsNoTracking().FirstOrDefaultAsync(s => s.Id == request.ServiceId, cancellationToken)
            ?? throw new NotFoundException(StatusErrorCodes.ServiceNotFound, "No service has this id.");
        return await readModel.ToDtoAsync(service, timeProvider.GetUtcNow(), mapper, cancellationToken);
    }
}
