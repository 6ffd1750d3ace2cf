using Platform.Domain.Common;
using Platform.Domain.Identity;

namespace Platform.Domain.Email;

/// <summary>
/// An address no message is sent to, keyed by its normalized form (<see cref="EmailAddress.Normalize"/>), so the
/// list matches however an address is capitalised. Bounces and complaints put addresses here; an admin may add one
/// or remove one, except a complaint: a recipient who reported spam is never mailed again.
/// </summary>
public sealed class EmailSuppression : Entity
{
    public const int MaxNoteLength = 500;

    private EmailSuppression()
    {
    }

    /// <summary>The normalized address.</summary>
    public string Email { get; private set; } = string.Empty;

    public SuppressionReason Reason { get; private set; }

    /// <summary>Who added it: a provider (postmark, resend) or <c>admin</c>.</summary>
    public string Source { get; private set; } = string.Empty;

    public string? Note { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    /// <summary>An address an admin suppresses by hand (validated by the command: a valid address, a note of at most <see cref="MaxNoteLength"/>).</summary>
    public static EmailSuppression Manual(string email, string? note, DateTimeOffset now)
    {
        if (!EmailAddress.IsValid(email))
        {
            throw new ArgumentException("Not a valid email address.", nameof(email));
        }

        var trimmed = string.IsNullOrWhiteSpace(note) ? null : note.Trim();
        if (trimmed is { Length: > MaxNoteLength })
        {
            throw new ArgumentException($"A note is at most {MaxNoteLength} characters.", nameof(note));
        }

        return new EmailSuppression
        {
            Id = Uuid7.Create(now),
            Email = EmailAddress.Normalize(email),
            Reason = SuppressionReason.Manual,
            Source = "admin",
            Note = trimmed,
            CreatedAt = now,
        };
    }

    /// <summary>An address a provider's event suppresses: a hard bounce, a complaint, an unsubscribe, or soft bounces past the limit.</summary>
    public static EmailSuppression FromProvider(string email, SuppressionReason reason, string source, DateTimeOffset now)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(email);
        ArgumentException.ThrowIfNullOrWhiteSpace(source);
        if (reason == SuppressionReason.Manual)
        {
            throw new ArgumentException("A provider's suppression has a provider's reason.", nameof(reason));
        }

        return new EmailSuppression
        {
            Id = Uuid7.Create(now),
            Email = EmailAddress.Normalize(email),
            Reason = reason,
            Source = source,
            CreatedAt = now,
        };
    }

    /// <summary>Refuses to lift a complaint: once someone reported our mail as spam, mailing them again harms every sender on our domain.</summary>
    public void EnsureRemovable()
    {
        if (Reason == SuppressionReason.Complaint)
        {
            throw new DomainException(
                EmailErrorCodes.ComplaintIsPermanent,
                "This address is suppressed because its owner reported a message as spam; a complaint cannot be lifted.");
        }
    }

    /// <summary>
    /// A provider reported <paramref name="reason"/> for an address already on the list. A complaint replaces any
    /// other reason (so it can no longer be lifted); anything else leaves the entry as it was.
    /// </summary>
    public bool Escalate(SuppressionReason reason, string source)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(source);
        if (reason != SuppressionReason.Complaint || Reason == SuppressionReason.Complaint)
        {
            return false;
        }

        Reason = SuppressionReason.Complaint;
        Source = source;
        return true;
    }
}
