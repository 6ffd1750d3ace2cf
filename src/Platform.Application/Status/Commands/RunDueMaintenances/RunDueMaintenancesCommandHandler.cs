using MediatR;
using Microsoft.EntityFrameworkCore;
using Platform.Application.Common.Auditing;
using Platform.Application.Common.Interfaces;
using Platform.Domain.Status;

namespace Platform.Application.Status.Commands.RunDueMaintenances;

internal sealed class RunDueMaintenancesCommandHandler(
    IPlatformDbContext db,
    IStatusChangePublisher publisher,
    ICurrentUser currentUser,
    IRequestContext requestContext,
    TimeProvider timeProvider) : IRequestHandler<RunDueMaintenancesCommand, int>
{
    public async Task<int> Handle(RunDueMaintenancesCommand request, CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNowMicros();

        // SKIP LOCKED: a maintenance another instance is moving right now is left to it; the status check that
        // follows the lock makes a second run find nothing left to do.
        var due = await db.Maintenances
            .FromSql(
                $"""
                SELECT * FROM status_maintenances
                WHERE (status = 'scheduled' AND starts_at <= {now}) OR (status = 'in_progress' AND ends_at <= {now})
                ORDER BY starts_at, id
                LIMIT {request.BatchSize}
                FOR UPDATE SKIP LOCKED
                """)
            .ToListAsync(cancellationToken);
        if (due.Count == 0)
        {
            return 0;
        }

        // Every affected service is locked up front, in id order, before any status is read: an event being recorded
        // for one of them commits first and is seen, so the job never writes over a fresh outage.
        await db.LockServicesAsync([.. due.SelectMany(m => m.AffectedServiceIds)], cancellationToken);

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

        await db.SaveChangesAsync(cancellationToken);
        await publisher.PublishAsync(cancellationToken);
        return moved;
    }

    private async Task StartAsync(ScheduledMaintenance maintenance, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var services = await ExistingServicesAsync(maintenance, cancellationToken);
        var before = await db.CurrentStatusesAsync(services, now, cancellationToken);
        foreach (var serviceId in services)
        {
            db.MaintenanceRestorePoints.Add(new MaintenanceRestorePoint
            {
                MaintenanceId = maintenance.Id,
                ServiceId = serviceId,
                StatusBefore = before.TryGetValue(serviceId, out var current) ? current.Status : ServiceStatus.Operational,
            });
        }

        maintenance.Start(now);
        Audit("status.maintenances.start", maintenance, now);
        await db.RecordAsync(publisher, services, ServiceStatus.UnderMaintenance, Message("Maintenance: ", maintenance.Title), now, null, now, cancellationToken);
    }

    private async Task CompleteAsync(ScheduledMaintenance maintenance, DateTimeOffset now, CancellationToken cancellationToken)
    {
        maintenance.Complete(now);
        var points = await db.MaintenanceRestorePoints.Where(p => p.MaintenanceId == maintenance.Id).ToListAsync(cancellationToken);
        var serviceIds = points.Select(p => p.ServiceId).ToList();
        var current = await db.CurrentStatusesAsync(serviceIds, now, cancellationToken);
        var maintenanceId = maintenance.Id;
        var stillRunning = await db.Maintenances
            .Where(m => m.Id != maintenanceId && m.Status == MaintenanceStatus.InProgress)
            .ToListAsync(cancellationToken);

        var restores = new List<(Guid ServiceId, ServiceStatus Status)>();
        foreach (var point in points)
        {
            // Someone set another status during the window (an outage, say): that is the truth, leave it.
            if (!current.TryGetValue(point.ServiceId, out var status) || status.Status != ServiceStatus.UnderMaintenance)
            {
                continue;
            }

            var overlapping = stillRunning.FirstOrDefault(m => m.AffectedServiceIds.Contains(point.ServiceId));
            if (overlapping is not null)
            {
                // Another maintenance still covers the service: it stays under maintenance, and that maintenance
                // inherits the status to restore if it had only seen this one's "under maintenance".
                var theirs = await db.MaintenanceRestorePoints
                    .FirstOrDefaultAsync(p => p.MaintenanceId == overlapping.Id && p.ServiceId == point.ServiceId, cancellationToken);
                if (theirs is { StatusBefore: ServiceStatus.UnderMaintenance })
                {
                    theirs.StatusBefore = point.StatusBefore;
                }

                continue;
            }

            restores.Add((point.ServiceId, point.StatusBefore == ServiceStatus.UnderMaintenance ? ServiceStatus.Operational : point.StatusBefore));
        }

        Audit("status.maintenances.complete", maintenance, now);
        await db.SaveChangesAsync(cancellationToken);
        foreach (var group in restores.GroupBy(r => r.Status))
        {
            await db.RecordAsync(publisher, [.. group.Select(r => r.ServiceId)], group.Key, Message("Maintenance completed: ", maintenance.Title), now, null, now, cancellationToken);
        }
    }

    private static string Message(string prefix, string title) => StatusChanges.EventMessage(prefix + title);

    private async Task<List<Guid>> ExistingServicesAsync(ScheduledMaintenance maintenance, CancellationToken cancellationToken)
    {
        var ids = maintenance.AffectedServiceIds.ToArray();
        return await db.StatusServices.Where(s => ids.Contains(s.Id)).Select(s => s.Id).ToListAsync(cancellationToken);
    }

    private void Audit(string action, ScheduledMaintenance maintenance, DateTimeOffset now) =>
        AuditLog.Add(db, currentUser, requestContext, now, action, "status_maintenance", maintenance.Id, AuditOutcome.Succeeded, new { title = maintenance.Title, status = StatusNames.Of(maintenance.Status) });
}
