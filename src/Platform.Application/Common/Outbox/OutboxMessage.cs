using Platform.Domain.Common;

namespace Platform.Application.Common.Outbox;

/// <summary>
/// An integration event waiting to leave the process, written in the same transaction as the change that caused it
/// (so a failed command writes none), and the state of its dispatch: a lease while an instance works on it, the
/// attempts so far, when to try next, and how it ended.
/// </summary>
public sealed class OutboxMessage
{
    private OutboxMessage()
    {
    }

    public Guid Id { get; private set; }

    /// <summary>The integration event's type, such as <c>tickets.created</c> (see <see cref="IntegrationEventTypes"/>).</summary>
    public string Type { get; private set; } = string.Empty;

    /// <summary>The resource as the public API shows it, as JSON.</summary>
    public string Payload { get; private set; } = "{}";

    public DateTimeOffset OccurredAt { get; private set; }

    /// <summary><see cref="OutboxStatus"/>: pending, processed or failed (parked after its last attempt).</summary>
    public string Status { get; private set; } = OutboxStatus.Pending;

    public int Attempts { get; private set; }

    public DateTimeOffset NextAttemptAt { get; private set; }

    /// <summary>While set and in the future, an instance holds the message; once it passes, another may take it over.</summary>
    public DateTimeOffset? LockedUntil { get; private set; }

    /// <summary>The instance that holds (or last held) the lease.</summary>
    public string? LockedBy { get; private set; }

    public string? LastError { get; private set; }

    public DateTimeOffset? ProcessedAt { get; private set; }

    public DateTimeOffset? FailedAt { get; private set; }

    public static OutboxMessage Create(string type, string payload, DateTimeOffset occurredAt, DateTimeOffset now) => new()
    {
        Id = Uuid7.Create(now),
        Type = type,
        Payload = payload,
        OccurredAt = occurredAt,
        NextAttemptAt = now,
    };

    /// <summary>Gives a parked message a fresh set of attempts, due at once. The last error is kept until it succeeds.</summary>
    public void Retry(DateTimeOffset now)
    {
        Status = OutboxStatus.Pending;
        Attempts = 0;
        NextAttemptAt = now;
        LockedUntil = null;
        FailedAt = null;
    }
}
