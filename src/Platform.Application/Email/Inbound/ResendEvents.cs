using System.Globalization;
using System.Text.Json;
using Platform.Domain.Email;
using Platform.Domain.Identity;

namespace Platform.Application.Email.Inbound;

/// <summary>
/// Reads Resend's webhook payloads (<c>email.bounced</c>, <c>email.complained</c>, <c>email.delivered</c>) into the
/// common email event model: one report per address in <c>data.to</c>. Other types (sent, opened, clicked, delayed)
/// are stored in the inbox and change nothing.
/// </summary>
public static class ResendEvents
{
    public const string Provider = "resend";

    public static EmailEventInterpretation Interpret(JsonElement root, string eventId, DateTimeOffset receivedAt)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(eventId);
        if (root.ValueKind != JsonValueKind.Object || String(root, "type") is not { } type)
        {
            return EmailEventInterpretation.Unreadable("The payload has no type.");
        }

        EmailEventKind? kind = type switch
        {
            "email.bounced" => Bounce(root),
            "email.complained" => EmailEventKind.Complaint,
            "email.delivered" => EmailEventKind.Delivered,
            _ => null,
        };
        if (kind is null)
        {
            return EmailEventInterpretation.Nothing;
        }

        if (!root.TryGetProperty("data", out var data) || data.ValueKind != JsonValueKind.Object
            || !data.TryGetProperty("to", out var to) || to.ValueKind != JsonValueKind.Array)
        {
            return EmailEventInterpretation.Unreadable($"An {type} event needs data.to, a list of email addresses.");
        }

        var recipients = to.EnumerateArray().Select(a => a.ValueKind == JsonValueKind.String ? a.GetString() : null).ToList();
        if (recipients.Count == 0 || recipients.Any(r => r is null || !EmailAddress.IsValid(r)))
        {
            return EmailEventInterpretation.Unreadable($"An {type} event needs data.to, a list of email addresses.");
        }

        var occurredAt = DateTimeOffset.TryParse(String(root, "created_at"), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at)
            ? at.ToUniversalTime()
            : receivedAt;
        var messageId = String(data, "email_id");
        var raw = root.GetRawText();

        // One event per address; the first keeps Svix's id, so the common case reads the same at both ends.
        return new EmailEventInterpretation(
        [
            .. recipients.Select((r, i) => new ProviderEmailEvent(
                Provider, i == 0 ? eventId : $"{eventId}:{i}", kind.Value, r!, occurredAt, messageId, raw)),
        ]);
    }

    /// <summary>Resend's bounce types: <c>Permanent</c> is a hard bounce; <c>Transient</c> and <c>Undetermined</c> are soft.</summary>
    private static EmailEventKind Bounce(JsonElement root) =>
        root.TryGetProperty("data", out var data) && data.ValueKind == JsonValueKind.Object
        && data.TryGetProperty("bounce", out var bounce) && bounce.ValueKind == JsonValueKind.Object
        && String(bounce, "type") == "Permanent"
            ? EmailEventKind.HardBounce
            : EmailEventKind.SoftBounce;

    private static string? String(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
