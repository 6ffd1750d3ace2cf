namespace Platform.Domain.Email;

/// <summary>Why an address is on the suppression list.</summary>
public enum SuppressionReason
{
    /// <summary>The receiving server said the address does not exist.</summary>
    HardBounce,

    /// <summary>Temporary bounces, repeated past the configured count within the window.</summary>
    SoftBounce,

    /// <summary>The recipient marked a message as spam: permanent.</summary>
    Complaint,

    /// <summary>The recipient unsubscribed through the provider.</summary>
    Unsubscribe,

    /// <summary>An admin added it.</summary>
    Manual,
}
