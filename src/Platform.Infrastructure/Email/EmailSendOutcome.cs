namespace Platform.Infrastructure.Email;

internal enum EmailSendOutcome
{
    /// <summary>The provider accepted it.</summary>
    Sent,

    /// <summary>It may work later (SMTP 4xx, HTTP 429 or 5xx, a timeout, a refused connection): retried on the schedule.</summary>
    Transient,

    /// <summary>It will never work (SMTP 5xx, a provider's 4xx about the message): failed at once, with the reason.</summary>
    Permanent,
}
