namespace Platform.Domain.Email;

/// <summary>What a provider told us about a message, in one vocabulary for every provider (the <c>kind</c> of <c>email_events</c>).</summary>
public enum EmailEventKind
{
    /// <summary>The receiving server refused the address for good: suppressed at once.</summary>
    HardBounce,

    /// <summary>A temporary failure (mailbox full, DNS trouble): suppressed after repeated ones within a window.</summary>
    SoftBounce,

    /// <summary>The recipient marked the message as spam: suppressed for good.</summary>
    Complaint,

    /// <summary>The receiving server accepted the message.</summary>
    Delivered,

    /// <summary>The recipient unsubscribed through the provider: suppressed.</summary>
    Unsubscribe,
}
