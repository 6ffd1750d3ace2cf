using Platform.Domain.Common;

namespace Platform.Domain.Webhooks;

/// <summary>
/// One event on its way to one endpoint: the body exactly as it is signed and sent, and where its delivery stands.
/// <see cref="Entity.Id"/> is the <c>webhook-id</c> header, the same on every attempt. The outbox fan-out and the
/// delivery workers write these rows with SQL of their own (claims under a lease, outcomes); the entity carries the
/// rules that admins' commands apply to it.
/// </summary>
public sealed class WebhookMessage : Entity
{
    /// <summary>The largest body sent: a larger event is sent with <c>data</c> cut down to the resource's id.</summary>
    public const int MaxBodyBytes = 20 * 1024;

    private WebhookMessage()
    {
    }

    public Guid EndpointId { get; private set; }

    /// <summary>The outbox message (integration event) it came from; null for a test message.</summary>
    public Guid? EventId { get; private set; }

    public string EventType { get; private set; } = string.Empty;

    public string Body { get; private set; } = string.Empty;

    public WebhookMessageStatus Status { get; private set; }

    /// <summary>Attempts ever made.</summary>
    public int Attempts { get; private set; }

    /// <summary>Attempts of the current round: the retry schedule counts these. A redelivery starts a new round.</summary>
    public int RoundAttempts { get; private set; }

    public DateTimeOffset NextAttemptAt { get; private set; }

    public DateTimeOffset? LockedUntil { get; private set; }

    public string? LockedBy { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset? LastAttemptAt { get; private set; }

    public int? LastStatusCode { get; private set; }

    public string? LastError { get; private set; }

    public DateTimeOffset? DeliveredAt { get; private set; }

    public DateTimeOffset? FailedAt { get; private set; }

    /// <summary>A new message, due at once.</summary>
    public static WebhookMessage Create(Guid endpointId, Guid? eventId, string eventType, string body, DateTimeOffset now)
    {
        ArgumentException.ThrowIfNullOrEmpty(eventType);
        ArgumentException.ThrowIfNullOrEmpty(body);
        if (System.Text.Encoding.UTF8.GetByteCount(body) > MaxBodyBytes)
        {
            throw new ArgumentException($"A webhook body must be at most {MaxBodyBytes} bytes.", nameof(body));
        }

        return new WebhookMessage
        {
            Id = Uuid7.Create(now),
            EndpointId = endpointId,
            EventId = eventId,
            EventType = eventType,
            Body = body,
            Status = WebhookMessageStatus.Pending,
            NextAttemptAt = now,
            CreatedAt = now,
        };
    }

    /// <summary>Whether an instance is sending it right now (its lease has not run out).</summary>
    public bool IsInFlight(DateTimeOffset now) => LockedUntil is { } until && until > now;

    /// <summary>
    /// Sends it again now, whatever its status, in a new round of the retry schedule. Refused while an attempt is in
    /// flight, which would otherwise write its outcome over this.
    /// </summary>
    public void Redeliver(DateTimeOffset now)
    {
        if (IsInFlight(now))
        {
            throw new DomainException(WebhookErrorCodes.MessageInFlight, "An attempt to send this message is in flight; try again when it has ended.", DomainErrorKind.Conflict);
        }

        Status = WebhookMessageStatus.Pending;
        RoundAttempts = 0;
        NextAttemptAt = now;
        LockedUntil = null;
        DeliveredAt = null;
        FailedAt = null;
    }
}
