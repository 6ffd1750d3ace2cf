using Platform.Domain.Common;

namespace Platform.Domain.Inbound;

/// <summary>
/// One verified event a provider sent us, kept in the inbox (<c>inbound_events</c>) exactly as received. The receiving
/// request stores it (once per source and event id) and its source's handler processes it later, through the outbox;
/// an admin may run the handler again.
/// </summary>
public sealed class InboundEvent : Entity
{
    public const int MaxErrorLength = 2000;
    public const int MaxSourceLength = 50;
    public const int MaxEventIdLength = 200;
    public const int MaxTypeLength = 200;
    public const int MaxContentTypeLength = 200;

    private InboundEvent()
    {
    }

    public string Source { get; private set; } = string.Empty;

    /// <summary>The provider's id for the event; unique per source.</summary>
    public string EventId { get; private set; } = string.Empty;

    /// <summary>The provider's name for the kind of event, verbatim.</summary>
    public string Type { get; private set; } = string.Empty;

    public string? ContentType { get; private set; }

    /// <summary>The body exactly as received and verified.</summary>
    public string Payload { get; private set; } = string.Empty;

    public DateTimeOffset ReceivedAt { get; private set; }

    /// <summary>Runs of the handler so far, successful or not.</summary>
    public int Attempts { get; private set; }

    public DateTimeOffset? ProcessedAt { get; private set; }

    /// <summary>The last failure of the handler, until it succeeds.</summary>
    public string? Error { get; private set; }

    public InboundEventStatus Status => ProcessedAt is not null
        ? InboundEventStatus.Processed
        : Error is not null ? InboundEventStatus.Failed : InboundEventStatus.Pending;

    /// <summary>A verified event as it arrived: pending, no attempt yet.</summary>
    public static InboundEvent Receive(string source, string eventId, string type, string? contentType, string payload, DateTimeOffset now)
    {
        Require(source, MaxSourceLength, nameof(source));
        Require(eventId, MaxEventIdLength, nameof(eventId));
        Require(type, MaxTypeLength, nameof(type));
        ArgumentNullException.ThrowIfNull(payload);
        if (contentType is { Length: > MaxContentTypeLength })
        {
            throw new ArgumentException($"A content type is at most {MaxContentTypeLength} characters.", nameof(contentType));
        }

        return new InboundEvent
        {
            Id = Uuid7.Create(now),
            Source = source,
            EventId = eventId,
            Type = type,
            ContentType = contentType,
            Payload = payload,
            ReceivedAt = now,
        };
    }

    /// <summary>The handler finished: the event is processed and any earlier failure forgotten.</summary>
    public void MarkProcessed(DateTimeOffset now)
    {
        Attempts++;
        ProcessedAt = now;
        Error = null;
    }

    /// <summary>The handler failed with <paramref name="error"/> (shortened to <see cref="MaxErrorLength"/>).</summary>
    public void MarkFailed(string error)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(error);
        Attempts++;
        ProcessedAt = null;
        Error = error.Length <= MaxErrorLength ? error : error[..MaxErrorLength];
    }

    /// <summary>
    /// Makes a processed or failed event pending again, for its handler to run once more. An event still pending is
    /// refused: its handler is already due.
    /// </summary>
    public void Reprocess()
    {
        if (Status == InboundEventStatus.Pending)
        {
            throw new DomainException(InboundErrorCodes.StillPending, "This event is still waiting for its handler; there is nothing to reprocess yet.");
        }

        ProcessedAt = null;
        Error = null;
    }

    private static void Require(string value, int maxLength, string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(value, name);
        if (value.Length > maxLength)
        {
            throw new ArgumentException($"At most {maxLength} characters.", name);
        }
    }
}
