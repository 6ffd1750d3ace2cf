using Platform.Domain.Common;
using Platform.Domain.Identity;

namespace Platform.Domain.Email;

/// <summary>
/// One provider event about a message (a bounce, a complaint, a delivery, an unsubscribe), unique per provider and
/// provider event id. Recorded by the provider's inbound webhook handler; the suppression list follows from these.
/// </summary>
public sealed class EmailEvent : Entity
{
    private EmailEvent()
    {
    }

    /// <summary>The provider that reported it (postmark, resend).</summary>
    public string Provider { get; private set; } = string.Empty;

    public string ProviderEventId { get; private set; } = string.Empty;

    public EmailEventKind Kind { get; private set; }

    /// <summary>The normalized address the event is about (<see cref="EmailAddress.Normalize"/>).</summary>
    public string Recipient { get; private set; } = string.Empty;

    public DateTimeOffset OccurredAt { get; private set; }

    /// <summary>The message it was matched to through the provider's message id, when it could be.</summary>
    public Guid? MessageId { get; private set; }

    /// <summary>The provider's own record of the event (JSON).</summary>
    public string Raw { get; private set; } = "{}";

    public DateTimeOffset ReceivedAt { get; private set; }

    /// <summary>The suppression this event calls for on its own, if any (soft bounces count against a limit instead).</summary>
    public SuppressionReason? ImmediateSuppression => Kind switch
    {
        EmailEventKind.HardBounce => SuppressionReason.HardBounce,
        EmailEventKind.Complaint => SuppressionReason.Complaint,
        EmailEventKind.Unsubscribe => SuppressionReason.Unsubscribe,
        _ => null,
    };

    public static EmailEvent Record(
        string provider, string providerEventId, EmailEventKind kind, string recipient, DateTimeOffset occurredAt, Guid? messageId, string raw, DateTimeOffset now)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(provider);
        ArgumentException.ThrowIfNullOrWhiteSpace(providerEventId);
        ArgumentException.ThrowIfNullOrWhiteSpace(recipient);
        ArgumentException.ThrowIfNullOrWhiteSpace(raw);
        return new EmailEvent
        {
            Id = Uuid7.Create(now),
            Provider = provider,
            ProviderEventId = providerEventId,
            Kind = kind,
            Recipient = EmailAddress.Normalize(recipient),
            OccurredAt = occurredAt,
            MessageId = messageId,
            Raw = raw,
            ReceivedAt = now,
        };
    }
}
