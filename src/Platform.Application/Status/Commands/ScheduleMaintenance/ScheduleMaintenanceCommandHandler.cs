using MediatR;
using Platform.Application.Common.Interfaces;
using Platform.Domain.Status;

namespace Platform.Application.Status.Commands.ScheduleMaintenance;

internal sealed class ScheduleMaintenanceCommandHandler(IPlatformDbContext db, IStatusChangePublisher publisher, TimeProvider timeProvider)
    : IRequestHandler<ScheduleMaintenanceCommand, MaintenanceDto>
{
    public async Task<MaintenanceDto> Handle(ScheduleMaintenanceCommand request, CancellationToken cancellationToken)
    {
        await db.EnsureServicesExistAsync(request.AffectedServiceIds, "affected_service_ids", cancellationToken);
        var maintenance = ScheduledMaintenance.Schedule(
            request.Title,
            request.Description ?? string.Empty,
            Micros(request.StartsAt!.Value),
            Micros(request.EndsAt!.Value),
            request.AffectedServiceIds,
            timeProvider.GetUtcNowMicros());
        db.Maintenances.Add(maintenance);
        await db.SaveChangesAsync(cancellationToken);
        await publisher.PublishAsync(cancellationToken);
        return MaintenanceDto.From(maintenance);
    }

    private static DateTimeOffset Micros(DateTimeOffset value) => new(value.UtcTicks - (value.UtcTicks % 10), TimeSpan.Zero);
}
