using Platform.Application.Common.Mapping;
using MapsterMapper;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Platform.Application.Common.Errors;
using Platform.Application.Common.Interfaces;
using Platform.Domain.Status;

namespace Platform.Application.Status.Queries.GetMaintenance;

internal sealed class GetMaintenanceQueryHandler(IPlatformDbContext db, IMapper mapper) : IRequestHandler<GetMaintenanceQuery, MaintenanceDto>
{
    public async Task<MaintenanceDto> Handle(GetMaintenanceQuery request, CancellationToken cancellationToken)
    {
        return await db.Maintenances.AsNoTracking()
            .Where(m => m.Id == request.MaintenanceId)
            .ProjectToDto<MaintenanceDto>(mapper.Config)
            .FirstOrDefaultAsync(cancellationToken)
            ?? throw new NotFoundException(StatusErrorCodes.MaintenanceNotFound, "No maintenance has this id.");
    }
}
