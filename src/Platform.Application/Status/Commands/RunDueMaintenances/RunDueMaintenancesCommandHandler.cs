using MediatR;
using Microsoft.EntityFrameworkCore;
using Platform.Application.Common.Auditing;
using Platform.Application.Common.Interfaces;
using Platform.Application.Common.Messaging;
using Platform.Domain.Status;

namespace Platform.Application.Status.Commands.RunDueMaintenances;

/// <summary>
/// Moves the due maintenances in one unit of work. Nothing is saved until the command ends, so what this run has
/// already changed (statuses recorded, restore points written, maintenances started) is read from this run's own
/// state rather than from the database, which does not show it yet.
/// </summary>
internal sealed class RunDueMaintenancesCommandHandler(
    IPlatformDbContext db,
    IDueMaintenanceSource dueMaintenances,
    IMonitoredServiceLocks serviceLocks,
    StatusChanges statusChanges,
    StatusReadModel readModel,
    ICurrentUser currentUser,
    IRequestContext requestContext,
    TimeProvider timeProvider) : IRequestHandler<RunDueMaintenancesCommand, int>
{
    /// <summary>The status each service was given by this run, latest last (this run's events are not saved yet).</summary>
    private readonly Dictionary<Guid, ServiceStatus> recorded = [];

    public async Task<int> Handle(RunDueMaintenancesCommand request, CancellationToken cancellationToken)
    {
        recorded.Clear();
        var now = timeProvider.GetUtcNowMicros();

        // A maintenance another instance is moving right now is left to it; the status check that follows the
        // claim makes a second run find nothing left to do.
        var due = await dueMaintenances.ClaimDueAsync(now, request.BatchSize, cancellationToken);
        if (due.Count == 0)
        {
            return 0;
        }

        // Every affected service is locked up front, in id order, before any status is read: an event being recorded
        // for one of them commits first and is seen, so the job never writes over a fresh outage.
        await serviceLocks.LockForStatusChangeAsync([.. due.SelectMany(m => m.AffectedServiceIds)], cancellationToken);

        // The maintenances still running, as this run sees them: loaded once (tracked), then kept up to date by the
        // domain methods as this run starts and completes them.
        await db.Maintenances.Where(m => m.Status == MaintenanceStatus.InProgress).LoadAsync(cancellationToken);

        var moved = 0;
        foreach (var maintenance in due)
        {
            if (maintenance.IsDueToStart(now))
            {
                await StartAsync(maintenance, now, cancellationToken);
                moved++;
            }

            // A short window may already be over when it starts: it is completed in the same run.
            if (maintenance.IsDueToComplete(now))
            {
                await CompleteAsync(maintenance, now, cancellationToken);
                moved++;
            }
        }

        return moved;
    }

    private async Task StartAsync(ScheduledMaintenance maintenance, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var services = await ExistingServicesAsync(maintenance, cancellationToken);
        var before = await CurrentStatusesAsync(services, now, cancellationToken);
        foreach (var serviceId in services)
        {
            db.MaintenanceRestorePoints.Add(new MaintenanceRestorePoint
            {
                MaintenanceId = maintenance.Id,
                ServiceId = serviceId,
                StatusBefore = before.TryGetValue(serviceId, out var current) ? current : ServiceStatus.Operational,
            });
        }

        maintenance.Start(now);
        Audit("status.maintenances.start", maintenance, now);
        await RecordAsync(services, ServiceStatus.UnderMaintenance, Message("Maintenance: ", maintenance.Title), now, cancellationToken);
    }

    private async Task CompleteAsync(ScheduledMaintenance maintenance, DateTimeOffset now, CancellationToken cancellationToken)
    {
        maintenance.Complete(now);
        var points = await RestorePointsAsync(maintenance.Id, cancellationToken);
        var current = await CurrentStatusesAsync([.. points.Select(p => p.ServiceId)], now, cancellationToken);
        var stillRunning = db.Maintenances.Local.Where(m => m.Id != maintenance.Id && m.Status == MaintenanceStatus.InProgress).ToList();

        var restores = new List<(Guid ServiceId, ServiceStatus Status)>();
        foreach (var point in points)
        {
            // Someone set another status during the window (an outage, say): that is the truth, leave it.
            if (!current.TryGetValue(point.ServiceId, out var status) || status != ServiceStatus.UnderMaintenance)
            {
                continue;
            }

            var overlapping = stillRunning.FirstOrDefault(m => m.AffectedServiceIds.Contains(point.ServiceId));
            if (overlapping is not null)
            {
                // Another maintenance still covers the service: it stays under maintenance, and that maintenance
                // inherits the status to restore if it had only seen this one's "under maintenance".
                var theirs = (await RestorePointsAsync(overlapping.Id, cancellationToken)).FirstOrDefault(p => p.ServiceId == point.ServiceId);
                if (theirs is { StatusBefore: ServiceStatus.UnderMaintenance })
                {
                    theirs.StatusBefore = point.StatusBefore;
                }

                continue;
            }

            restores.Add((point.ServiceId, point.StatusBefore == ServiceStatus.UnderMaintenance ? ServiceStatus.Operational : point.StatusBefore));
        }

        Audit("status.maintenances.complete", maintenance, now);
        foreach (var group in restores.GroupBy(r => r.Status))
        {
            await RecordAsync([.. group.Select(r => r.ServiceId)], group.Key, Message("Maintenance completed: ", maintenance.Title), now, cancellationToken);
        }
    }

    private async Task RecordAsync(IReadOnlyCollection<Guid> serviceIds, ServiceStatus status, string message, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var events = await statusChanges.RecordAsync(serviceIds, status, message, now, null, now, cancellationToken);
        foreach (var e in events)
        {
            recorded[e.ServiceId] = e.Status;
        }
    }

    /// <summary>Each service's status now: the latest saved event, unless this run has recorded a newer one.</summary>
    private async Task<Dictionary<Guid, ServiceStatus>> CurrentStatusesAsync(IReadOnlyCollection<Guid> serviceIds, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var saved = await readModel.CurrentStatusesAsync(serviceIds, now, cancellationToken);
        var statuses = saved.ToDictionary(s => s.Key, s => s.Value.Status);
        foreach (var serviceId in serviceIds)
        {
            if (recorded.TryGetValue(serviceId, out var status))
            {
                statuses[serviceId] = status;
            }
        }

        return statuses;
    }

    /// <summary>A maintenance's restore points: those saved, and those this run added (both tracked once loaded).</summary>
    private async Task<List<MaintenanceRestorePoint>> RestorePointsAsync(Guid maintenanceId, CancellationToken cancellationToken)
    {
        await db.MaintenanceRestorePoints.Where(p => p.MaintenanceId == maintenanceId).LoadAsync(cancellationToken);
        return [.. db.MaintenanceRestorePoints.Local.Where(p => p.MaintenanceId == maintenanceId)];
    }

    private static string Message(string prefix, string title) => StatusChanges.EventMessage(prefix + title);

    private async Task<List<Guid>> ExistingServicesAsync(ScheduledMaintenance maintenance, CancellationToken cancellationToken)
    {
        var ids = maintenance.AffectedServiceIds.ToArray();
        return await db.MonitoredServices.Where(s => ids.Contains(s.Id)).Select(s => s.Id).ToListAsync(cancellationToken);
    }

    private void Audit(string action, ScheduledMaintenance maintenance, DateTimeOffset now) =>
        AuditLog.Add(db, currentUser, requestContext, now, action, "status_maintenance", maintenance.Id, AuditOutcome.Succeeded, new { title = maintenance.Title, status = WireNames.Of(maintenance.Status) });
}
