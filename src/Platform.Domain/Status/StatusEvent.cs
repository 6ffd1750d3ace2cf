using Platform.Domain.Common;
using Platform.Domain.Status.Events;

namespace Platform.Domain.Status;

/// <summary>
/// A service entering a status at <see cref="OccurredAt"/>. Events are never edited: a service's status at any moment
/// is the status of its latest event at or before that moment (operational before its first), which is what the
/// status page and <see cref="UptimeCalculator"/> read.
/// </summary>
public sealed class StatusEvent : Entity
{
    private StatusEvent()
    {
    }

    private StatusEvent(Guid id, Guid serviceId, ServiceStatus status, string message, DateTimeOffset occurredAt, Guid? createdBy, DateTimeOffset now)
        : base(id)
    {
        ServiceId = serviceId;
        Status = status;
        Message = message;
        OccurredAt = occurredAt;
        CreatedAt = now;
        CreatedBy = createdBy;
    }

    public Guid ServiceId { get; private set; }

    public ServiceStatus Status { get; private set; }

    /// <summary>Optional explanation; may be empty.</summary>
    public string Message { get; private set; } = string.Empty;

    /// <summary>When the status took effect; may be back-dated, but not later than <see cref="StatusRules.MaxFutureSkew"/> ahead of the clock.</summary>
    public DateTimeOffset OccurredAt { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    /// <summary>The user who recorded it, or null when the system did (for example the maintenance job).</summary>
    public Guid? CreatedBy { get; private set; }

    public static StatusEvent Record(Guid serviceId, ServiceStatus status, string message, DateTimeOffset occurredAt, Guid? createdBy, DateTimeOffset now)
    {
        StatusChecks.OptionalText(message, StatusRules.EventMessageMaxLength, StatusErrorCodes.InvalidMessage, "message");
        if (occurredAt > now + StatusRules.MaxFutureSkew)
        {
            throw StatusChecks.Invalid(
                StatusErrorCodes.OccurredInFuture,
                $"A status event may not be dated more than {StatusRules.MaxFutureSkew.TotalMinutes} minutes ahead.",
                "occurred_at");
        }

        var recorded = new StatusEvent(Uuid7.Create(now), serviceId, status, message, occurredAt, createdBy, now);
        recorded.Raise(new ServiceStatusChangedDomainEvent(recorded, now));
        return recorded;
    }
}
