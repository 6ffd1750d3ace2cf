using Microsoft.EntityFrameworkCore;
using Platform.Application.Common.Errors;
using Platform.Application.Common.Interfaces;
using Platform.Domain.Status;

namespace Platform.Application.Status;

/// <summary>Writes that change what the status page shows; each announces the change to every instance.</summary>
internal static class StatusChanges
{
    /// <summary>One status event per service, in the caller's transaction, and the change announced.</summary>
    public static async Task<IReadOnlyList<StatusEvent>> RecordAsync(
        this IPlatformDbContext db,
        IStatusChangePublisher publisher,
        IEnumerable<Guid> serviceIds,
        ServiceStatus status,
        string message,
        DateTimeOffset occurredAt,
        Guid? createdBy,
        DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        var events = serviceIds.Select(id => StatusEvent.Record(id, status, message, occurredAt, createdBy, now)).ToList();
        db.StatusEvents.AddRange(events);
        await db.SaveChangesAsync(cancellationToken);
        await db.BumpServiceVersionsAsync([.. events.Select(e => e.ServiceId)], cancellationToken);
        await publisher.PublishAsync(cancellationToken);
        return events;
    }

    /// <summary>
    /// A new event changes what a service's representation shows (its status), so its version (the ETag and the
    /// If-Match token) moves too; one atomic UPDATE, so concurrent events on one service never conflict.
    /// </summary>
    public static async Task BumpServiceVersionsAsync(this IPlatformDbContext db, IReadOnlyCollection<Guid> serviceIds, CancellationToken cancellationToken)
    {
        var ids = serviceIds.Distinct().ToArray();
        if (ids.Length > 0)
        {
            await db.Database.ExecuteSqlAsync($"UPDATE status_services SET version = version + 1 WHERE id = ANY({ids})", cancellationToken);
        }
    }

    /// <summary>An event message made from longer text (an incident's title and update), cut to what an event holds.</summary>
    public static string EventMessage(string text)
    {
        var trimmed = text.Trim();
        return trimmed.Length <= StatusRules.EventMessageMaxLength ? trimmed : string.Concat(trimmed.AsSpan(0, StatusRules.EventMessageMaxLength - 1), "\u2026");
    }

    /// <summary>
    /// Refuses ids that name no service (400, field <paramref name="field"/>). The services are share-locked until
    /// the transaction ends, so none of them can be deleted meanwhile.
    /// </summary>
    public static async Task EnsureServicesExistAsync(this IPlatformDbContext db, IReadOnlyCollection<Guid> ids, string field, CancellationToken cancellationToken)
    {
        var distinct = ids.Distinct().ToArray();
        var found = await db.Database
            .SqlQuery<Guid>($"SELECT id AS \"Value\" FROM status_services WHERE id = ANY({distinct}) FOR SHARE")
            .ToListAsync(cancellationToken);
        if (found.Count != distinct.Length)
        {
            throw new RequestValidationException(field, "Every id must name an existing service.");
        }
    }
}
