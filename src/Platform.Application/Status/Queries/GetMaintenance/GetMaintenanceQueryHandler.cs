using MediatR;
using Microsoft.EntityFrameworkCore;
using Platform.Application.Common.Errors;
using Platform.Application.Common.Interfaces;

namespace Platform.Application.Status.Queries.GetMaintenance;

internal sealed class GetMaintenanceQueryHandler(IPlatformDbContext db) : IRequestHandler<GetMaintenanceQuery, MaintenanceDto>
{
    public async Task<MaintenanceDto> Handle(GetMaintenanceQuery request, CancellationToken cancellationToken)
    {
        var maintenance = await db.Maintenances.AsNoTracking().FirstOrDefaultAsync(m => m.Id == request.MaintenanceId, cancellationToken)
            ?? throw new NotFoundException(StatusErrorCodes.MaintenanceNotFound, "No maintenance has this id.");
        return MaintenanceDto.From(maintenance);
    }
}
