namespace Platform.Domain.Email;

/// <summary>Where one email message stands (the <c>status</c> column of <c>email_messages</c>).</summary>
public enum EmailMessageStatus
{
    /// <summary>Waiting to be sent, or to be retried.</summary>
    Pending,

    /// <summary>The provider accepted it.</summary>
    Sent,

    /// <summary>Refused for good by the provider, or out of attempts.</summary>
    Failed,

    /// <summary>Never sent: the recipient is on the suppression list.</summary>
    Suppressed,

    /// <summary>The provider reported it delivered.</summary>
    Delivered,

    /// <summary>The provider reported a bounce.</summary>
    Bounced,

    /// <summary>The recipient marked it as spam.</summary>
    Complained,
}
