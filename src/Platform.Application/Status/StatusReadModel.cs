using MapsterMapper;
using Microsoft.EntityFrameworkCore;
using Platform.Application.Common.Interfaces;
using Platform.Domain.Status;

namespace Platform.Application.Status;

/// <summary>Reads shared by the status queries and commands: current statuses, service views, uptime inputs.</summary>
internal sealed class StatusReadModel(IPlatformDbContext db, ILatestStatusEvents latest)
{
    /// <summary>Each service's latest event at or before <paramref name="now"/> (ties: the one recorded later).</summary>
    public Task<Dictionary<Guid, (ServiceStatus Status, DateTimeOffset At)>> CurrentStatusesAsync(
        IReadOnlyCollection<Guid>? serviceIds, DateTimeOffset now, CancellationToken cancellationToken) =>
        latest.AtAsync(serviceIds, now, cancellationToken);

    public async Task<MonitoredServiceDto> ToDtoAsync(MonitoredService service, DateTimeOffset now, IMapper mapper, CancellationToken cancellationToken) =>
        service.ToDto(await CurrentStatusesAsync([service.Id], now, cancellationToken), mapper);

    /// <summary>Uptime of the services over <paramref name="days"/> whole UTC days ending today (today counts up to now).</summary>
    public async Task<Dictionary<Guid, (UptimeReport Report, DateOnly FirstDay)>> UptimeAsync(
        IReadOnlyList<MonitoredService> services, int days, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var firstDay = today.AddDays(1 - days);
        var from = new DateTimeOffset(firstDay.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc));
        var ids = services.Select(s => s.Id).ToArray();

        // The events inside the range, plus the one each service was in when the range began.
        var inRange = await db.StatusEvents.AsNoTracking()
            .Where(e => ids.Contains(e.ServiceId) && e.OccurredAt >= from && e.OccurredAt <= now)
            .OrderBy(e => e.OccurredAt).ThenBy(e => EF.Property<long>(e, StatusEventOrder.Sequence))
            .ToListAsync(cancellationToken);
        var carriedIn = await CurrentStatusesAsync(ids, from.AddTicks(-1), cancellationToken);
        var maintenances = await db.Maintenances.AsNoTracking()
            .Where(m => m.Status != MaintenanceStatus.Scheduled && m.StartsAt < now && m.EndsAt > from)
            .ToListAsync(cancellationToken);

        var result = new Dictionary<Guid, (UptimeReport, DateOnly)>();
        foreach (var service in services)
        {
            // In recorded order: the calculator applies changes at the same instant in the order given.
            var changes = inRange.Where(e => e.ServiceId == service.Id).Select(e => new StatusChange(e.OccurredAt, e.Status)).ToList();
            if (carriedIn.TryGetValue(service.Id, out var before))
            {
                changes.Insert(0, new StatusChange(before.At, before.Status));
            }

            var windows = maintenances.Where(m => m.AffectedServiceIds.Contains(service.Id))
                .Select(m => new TimeWindow(m.StartedAt ?? m.StartsAt, m.CompletedAt ?? (m.Status == MaintenanceStatus.Completed ? m.EndsAt : now)));
            result[service.Id] = (UptimeCalculator.Calculate(changes, windows, firstDay, days, now, service.CreatedAt), firstDay);
        }

        return result;
    }
}
