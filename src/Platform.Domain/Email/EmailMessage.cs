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

    /// <summary>
    /// Follows what the provider reported about a message it accepted: delivered, bounced or complained. A later,
    /// weaker report never hides a stronger one (a complaint stays a complaint when a late delivery report comes), and
    /// a message that was never accepted (pending, failed, suppressed) is left as it is.
    /// </summary>
    public void RecordProviderEvent(EmailEventKind kind)
    {
        var reported = kind switch
        {
            EmailEventKind.Delivered => EmailMessageStatus.Delivered,
            EmailEventKind.HardBounce or EmailEventKind.SoftBounce => EmailMessageStatus.Bounced,
            EmailEventKind.Complaint => EmailMessageStatus.Complained,
            _ => (EmailMessageStatus?)null,
        };
        if (reported is not { } status || Rank(Status) == 0 || Rank(status) <= Rank(Status))
        {
            return;
        }

        Status = status;
    }

    /// <summary>How strong a provider's report is; 0 for a status no report may replace.</summary>
    private static int Rank(EmailMessageStatus status) => status switch
    {
        EmailMessageStatus.Sent => 1,
        EmailMessageStatus.Delivered => 2,
        EmailMessageStatus.Bounced => 3,
        EmailMessageStatus.Complained => 4,
        _ => 0,
    };
}
