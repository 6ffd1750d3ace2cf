using Platform.Application.Common.Mapping;
using MapsterMapper;
using Microsoft.EntityFrameworkCore;
using Platform.Application.Common.Interfaces;
using Platform.Domain.Status;

namespace Platform.Application.Status.Queries.GetStatusPage;

/// <summary>
/// Reads a fresh status snapshot from the database. Built in a scope of its own by <see cref="GetStatusPageQueryHandler"/>
/// only when the cached snapshot is stale, so a read served from the cache never rents a database context.
/// </summary>
internal sealed class StatusPageBuilder(IPlatformDbContext db, StatusReadModel readModel, TimeProvider timeProvider, IMapper mapper)
{
    public const int UptimeDays = 90;

    /// <summary>Resolved incidents stay in the page's history this long.</summary>
    private static readonly TimeSpan HistoryWindow = TimeSpan.FromDays(14);

    private const int HistoryLimit = 50;

    public async Task<StatusPageSnapshot> BuildAsync(CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNow();
        var services = (await db.MonitoredServices.AsNoTracking().ToListAsync(cancellationToken)).InPageOrder().ToList();
        var statuses = await readModel.CurrentStatusesAsync(null, now, cancellationToken);
        var uptime = await readModel.UptimeAsync(services, UptimeDays, now, cancellationToken);
        var pageServices = services
            .Select(s => new StatusPageServiceDto(s.ToDto(statuses, mapper), uptime[s.Id].Report, uptime[s.Id].FirstDay))
            .ToList();

        // Every unresolved incident, however many; the history is capped.
        var historyFrom = now - HistoryWindow;
        var open = await db.Incidents.AsNoTracking().Include(i => i.Updates)
            .Where(i => i.ResolvedAt == null)
            .OrderByDescending(i => i.CreatedAt).ThenByDescending(i => i.Id)
            .ToListAsync(cancellationToken);
        var recent = await db.Incidents.AsNoTracking().Include(i => i.Updates)
            .Where(i => i.ResolvedAt != null && i.ResolvedAt >= historyFrom)
            .OrderByDescending(i => i.ResolvedAt).ThenByDescending(i => i.Id)
            .Take(HistoryLimit)
            .ToListAsync(cancellationToken);
        var maintenances = await db.Maintenances.AsNoTracking()
            .Where(m => m.Status != MaintenanceStatus.Completed)
            .OrderBy(m => m.StartsAt).ThenBy(m => m.Id)
            .Take(100)
            .ProjectToDto<MaintenanceDto>(mapper.Config)
            .ToListAsync(cancellationToken);

        return new StatusPageSnapshot(
            now,
            StatusRules.Overall(pageServices.Select(s => s.Service.Status)),
            pageServices,
            [.. open.Select(mapper.Map<IncidentDto>)],
            [.. recent.Select(mapper.Map<IncidentDto>)],
            maintenances);
    }
}
