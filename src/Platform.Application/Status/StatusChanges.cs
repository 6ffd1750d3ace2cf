using Platform.Application.Common.Errors;
using Platform.Application.Common.Interfaces;
using Platform.Domain.Status;

namespace Platform.Application.Status;

/// <summary>Writes that change what the status page shows; each announces the change to every instance.</summary>
internal sealed class StatusChanges(IPlatformDbContext db, IMonitoredServiceLocks locks)
{
    /// <summary>
    /// The one way status events are written: the services locked (and tracked), one event each recorded through the
    /// service, which moves its version, all in the caller's unit of work (commands and the maintenance job alike).
    /// The events announce the change when the unit of work saves them. Services that no longer exist are skipped.
    /// </summary>
    public async Task<IReadOnlyList<StatusEvent>> RecordAsync(
        IEnumerable<Guid> serviceIds,
        ServiceStatus status,
        string message,
        DateTimeOffset occurredAt,
        Guid? createdBy,
        DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        // Every write that records status events locks the services first (IMonitoredServiceLocks), and reads the
        // current status only after, so it sees every event committed before it.
        var services = await locks.LockForStatusChangeAsync([.. serviceIds], cancellationToken);
        var events = services.Select(s => s.RecordStatus(status, message, occurredAt, createdBy, now)).ToList();
        db.StatusEvents.AddRange(events);
        return events;
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
    public async Task EnsureServicesExistAsync(IReadOnlyCollection<Guid> ids, string field, CancellationToken cancellationToken)
    {
        var distinct = ids.Distinct().ToArray();
        var found = await locks.LockForStatusChangeAsync(distinct, cancellationToken);
        if (found.Count != distinct.Length)
        {
            throw new RequestValidationException(field, "Every id must name an existing service.");
        }
    }
}
