namespace Platform.Infrastructure.Email;

/// <summary>How one claimed message ends this round.</summary>
internal enum EmailRecordStatus
{
    Sent,
    Failed,
    Suppressed,

    /// <summary>Failed transiently: due again after the retry delay.</summary>
    Pending,
}
