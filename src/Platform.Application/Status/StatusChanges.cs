using Microsoft.EntityFrameworkCore;
using Platform.Application.Common.Errors;
using Platform.Application.Common.Interfaces;
using Platform.Domain.Status;

namespace Platform.Application.Status;

/// <summary>Writes that change what the status page shows; each announces the change to every instance.</summary>
internal static class StatusChanges
{
    /// <summary>
    /// The one way status events are written: the services locked (and tracked), one event each recorded through the
    /// service, which moves its version, all in the caller's unit of work (commands and the maintenance job alike).
    /// The events announce the change when the unit of work saves them. Services that no longer exist are skipped.
    /// </summary>
    public static async Task<IReadOnlyList<StatusEvent>> RecordAsync(
        this IPlatformDbContext db,
        IEnumerable<Guid> serviceIds,
        ServiceStatus status,
        string message,
        DateTimeOffset occurredAt,
        Guid? createdBy,
        DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        var services = await db.LockServicesAsync([.. serviceIds], cancellationToken);
        var events = services.Select(s => s.RecordStatus(status, message, occurredAt, createdBy, now)).ToList();
        db.StatusEvents.AddRange(events);
        return events;
    }

    /// <summary>
    /// Locks the services' rows until the transaction ends, in id order, and returns them (tracked). Every write that
    /// records status events takes these locks first (FOR NO KEY UPDATE: writers of one service queue up instead of
    /// deadlocking on the version update; a delete, which needs FOR UPDATE, waits for them), and reads the current
    /// status only after, so it sees every event committed before it.
    /// </summary>
    public static async Task<IReadOnlyList<StatusService>> LockServicesAsync(this IPlatformDbContext db, IReadOnlyCollection<Guid> ids, CancellationToken cancellationToken)
    {
        var sorted = ids.Distinct().Order().ToArray();
        if (sorted.Length == 0)
        {
            return [];
        }

        return await db.StatusServices
            .FromSql($"SELECT * FROM status_services WHERE id = ANY({sorted}) ORDER BY id FOR NO KEY UPDATE")
            .ToListAsync(cancellationToken);
    }

    /// <summary>An event message made from longer text (an incident's title and update), cut to what an event holds.</summary>
    public static string EventMessage(string text)
    {
        var trimmed = text.Trim();
        if (trimmed.Length <= StatusRules.EventMessageMaxLength)
        {
            return trimmed;
        }

        // Never cut between the two halves of a surrogate pair (an emoji): the database refuses half a character.
        var keep = StatusRules.EventMessageMaxLength - 1;
        if (char.IsHighSurrogate(trimmed[keep - 1]))
        {
            keep--;
        }

        return string.Concat(trimmed.AsSpan(0, keep), "\u2026");
    }

    /// <summary>
    /// Refuses ids that name no service (400, field <paramref name="field"/>). The services stay locked until the
    /// transaction ends, so none of them can be deleted meanwhile.
    /// </summary>
    public static async Task EnsureServicesExistAsync(this IPlatformDbContext db, IReadOnlyCollection<Guid> ids, string field, CancellationToken cancellationToken)
    {
        var distinct = ids.Distinct().ToArray();
        var found = await db.LockServicesAsync(distinct, cancellationToken);
        if (found.Count != distinct.Length)
        {
            throw new RequestValidationException(field, "Every id must name an existing service.");
        }
    }
}
