namespace Platform.Infrastructure.Email;

internal sealed record EmailSendResult(EmailSendOutcome Outcome, string? ProviderMessageId, string? Error)
{
    public static EmailSendResult Accepted(string? providerMessageId) => new(EmailSendOutcome.Sent, providerMessageId, null);

    public static EmailSendResult Transient(string error) => new(EmailSendOutcome.Transient, null, error);

    public static EmailSendResult Permanent(string error) => new(EmailSendOutcome.Permanent, null, error);
}
