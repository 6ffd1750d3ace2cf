using MapsterMapper;
using Microsoft.EntityFrameworkCore;
using Platform.Domain.Status;

namespace Platform.Application.Status;

/// <summary>A service as the API shows it: the mapped service with its current status.</summary>
internal static class MonitoredServiceView
{
    /// <summary>The service as mapped, with its current status: its latest event's, operational when it has none.</summary>
    public static MonitoredServiceDto ToDto(this MonitoredService s, IReadOnlyDictionary<Guid, (ServiceStatus Status, DateTimeOffset At)> statuses, IMapper mapper)
    {
        var dto = mapper.Map<MonitoredServiceDto>(s);
        return statuses.TryGetValue(s.Id, out var current)
            ? dto with { Status = current.Status, StatusChangedAt = current.At }
            : dto with { Status = ServiceStatus.Operational, StatusChangedAt = null };
    }
}
