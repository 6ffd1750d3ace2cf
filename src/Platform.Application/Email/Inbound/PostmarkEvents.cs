using System.Globalization;
using System.Text.Json;
using Platform.Domain.Email;
using Platform.Domain.Identity;

namespace Platform.Application.Email.Inbound;

/// <summary>
/// Reads Postmark's webhook payloads (bounce, spam complaint, subscription change, delivery) into the common email
/// event model. Field names and bounce types as Postmark documents them; a record type or bounce type not listed here
/// (opens, clicks, auto-replies) is stored in the inbox and changes nothing.
/// </summary>
public static class PostmarkEvents
{
    public const string Provider = "postmark";

    public static EmailEventInterpretation Interpret(JsonElement root, string eventId, DateTimeOffset receivedAt)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(eventId);
        var recordType = String(root, "RecordType");
        switch (recordType)
        {
            case "Bounce":
            case "SpamComplaint":
            {
                var kind = recordType == "SpamComplaint" ? EmailEventKind.Complaint : BounceKind(String(root, "Type"));
                if (kind is null)
                {
                    return EmailEventInterpretation.Nothing;
                }

                return Report(root, eventId, kind.Value, String(root, "Email"), "Email", Time(root, "BouncedAt") ?? receivedAt);
            }

            case "SubscriptionChange":
            {
                var recipient = String(root, "Recipient");
                if (!EmailAddress.IsValid(recipient ?? string.Empty))
                {
                    return EmailEventInterpretation.Unreadable("A SubscriptionChange needs Recipient, an email address.");
                }

                if (!root.TryGetProperty("SuppressSending", out var suppress) || suppress.ValueKind is not (JsonValueKind.True or JsonValueKind.False))
                {
                    return EmailEventInterpretation.Unreadable("A SubscriptionChange needs SuppressSending, true or false.");
                }

                if (suppress.ValueKind == JsonValueKind.False)
                {
                    return new EmailEventInterpretation([], recipient);
                }

                var kind = String(root, "SuppressionReason") switch
                {
                    "HardBounce" => EmailEventKind.HardBounce,
                    "SpamComplaint" => EmailEventKind.Complaint,
                    _ => EmailEventKind.Unsubscribe,
                };
                return Report(root, eventId, kind, recipient, "Recipient", Time(root, "ChangedAt") ?? receivedAt);
            }

            case "Delivery":
                return Report(root, eventId, EmailEventKind.Delivered, String(root, "Recipient"), "Recipient", Time(root, "DeliveredAt") ?? receivedAt);

            case null:
                return EmailEventInterpretation.Unreadable("The payload has no RecordType.");

            default:
                return EmailEventInterpretation.Nothing;
        }
    }

    /// <summary>Postmark's bounce types as they affect sending; null for those that say nothing about the address (auto-replies, challenges).</summary>
    private static EmailEventKind? BounceKind(string? type) => type switch
    {
        "HardBounce" or "BadEmailAddress" or "ManuallyDeactivated" => EmailEventKind.HardBounce,
        "SoftBounce" or "Transient" or "DnsError" => EmailEventKind.SoftBounce,
        "SpamNotification" or "SpamComplaint" => EmailEventKind.Complaint,
        "Unsubscribe" => EmailEventKind.Unsubscribe,
        _ => null,
    };

    private static EmailEventInterpretation Report(JsonElement root, string eventId, EmailEventKind kind, string? recipient, string field, DateTimeOffset occurredAt)
    {
        if (recipient is null || !EmailAddress.IsValid(recipient))
        {
            return EmailEventInterpretation.Unreadable($"The payload needs {field}, an email address.");
        }

        var messageId = String(root, "MessageID");
        return new EmailEventInterpretation([new ProviderEmailEvent(Provider, eventId, kind, recipient, occurredAt, messageId, root.GetRawText())]);
    }

    private static string? String(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static DateTimeOffset? Time(JsonElement root, string name) =>
        DateTimeOffset.TryParse(String(root, name), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at) ? at.ToUniversalTime() : null;
}
