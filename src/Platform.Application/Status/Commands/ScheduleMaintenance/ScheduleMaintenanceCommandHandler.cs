using MapsterMapper;
using MediatR;
using Platform.Application.Common.Interfaces;
using Platform.Domain.Status;

namespace Platform.Application.Status.Commands.ScheduleMaintenance;

internal sealed class ScheduleMaintenanceCommandHandler(IPlatformDbContext db, StatusChanges statusChanges, TimeProvider timeProvider, IMapper mapper)
    : IRequestHandler<ScheduleMaintenanceCommand, MaintenanceDto>
{
    public async Task<MaintenanceDto> Handle(ScheduleMaintenanceCommand request, CancellationToken cancellationToken)
    {
        await statusChanges.EnsureServicesExistAsync(request.AffectedServiceIds, "affected_service_ids", cancellationToken);
        var maintenance = ScheduledMaintenance.Schedule(
            request.Title,
            request.Description ?? string.Empty,
            request.StartsAt!.Value.ToMicros(),
            request.EndsAt!.Value.ToMicros(),
            request.AffectedServiceIds,
            timeProvider.GetUtcNowMicros());
        db.Maintenances.Add(maintenance);
        return mapper.Map<MaintenanceDto>(maintenance);
    }
}
