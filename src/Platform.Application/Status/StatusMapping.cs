using Mapster;
using Platform.Application.Status.Queries.GetServiceUptime;
using Platform.Domain.Status;

namespace Platform.Application.Status;

/// <summary>
/// Status-page DTO maps. Enums stay enums in the DTOs; the JSON options write them as snake_case names
/// (<see cref="WireNames"/>).
/// </summary>
internal sealed class StatusMapping : IRegister
{
    public void Register(TypeAdapterConfig config)
    {
        // A service's current status is not a column: MonitoredServiceView.ToDto sets it from the latest event.
        config.NewConfig<MonitoredService, MonitoredServiceDto>()
            .Ignore(d => d.Status, d => d.StatusChangedAt);
        config.NewConfig<MonitoredService, UptimeServiceDto>();
        config.NewConfig<StatusEvent, StatusEventDto>();

        // Incidents are mapped in memory after loading their updates: Incident.Updates gives them in their order.
        config.NewConfig<Incident, IncidentDto>();
        config.NewConfig<IncidentUpdate, IncidentUpdateDto>();
        config.NewConfig<ScheduledMaintenance, MaintenanceDto>();
        config.NewConfig<UptimeDay, UptimeDayDto>();
    }
}
