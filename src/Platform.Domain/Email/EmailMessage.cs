using Platform.Domain.Common;

namespace Platform.Domain.Email;

/// <summary>
/// One transactional message and where its sending stands. The queue writes these rows and the email workers
/// update them with SQL of their own (claims under a lease, outcomes); the entity is what admins read.
/// <see cref="Content"/> is sealed and dropped once the message is finished; it is never shown.
/// </summary>
public sealed class EmailMessage : Entity
{
    private EmailMessage()
    {
    }

    /// <summary>The outbox message it answers; null when a command wrote it (a sign-in code).</summary>
    public Guid? EventId { get; private set; }

    public string Template { get; private set; } = string.Empty;

    public string Recipient { get; private set; } = string.Empty;

    /// <summary><see cref="Identity.EmailAddress.Normalize"/> of <see cref="Recipient"/>: the suppression list's key.</summary>
    public string RecipientKey { get; private set; } = string.Empty;

    public string Subject { get; private set; } = string.Empty;

    public byte[]? Content { get; private set; }

    public EmailMessageStatus Status { get; private set; }

    public int Attempts { get; private set; }

    public DateTimeOffset NextAttemptAt { get; private set; }

    public DateTimeOffset? LockedUntil { get; private set; }

    public string? LockedBy { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset? LastAttemptAt { get; private set; }

    public string? LastError { get; private set; }

    /// <summary>smtp, postmark or simulated: the provider that took it (or last tried).</summary>
    public string? Provider { get; private set; }

    /// <summary>The provider's id for it, which the provider's events refer to.</summary>
    public string? ProviderMessageId { get; private set; }

    public DateTimeOffset? SentAt { get; private set; }

    public DateTimeOffset? FinishedAt { get; private set; }
}
