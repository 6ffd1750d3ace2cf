namespace Platform.Application.Common.Email;

/// <summary>
/// Section <c>Email:Webhooks:Resend</c>: the Svix signing secret of the Resend webhook, and during a rotation the one
/// it replaces (both verify until the old one is removed).
/// </summary>
public sealed class EmailResendWebhookOptions
{
    public string? Secret { get; set; }

    public string? PreviousSecret { get; set; }

    public bool IsConfigured => !string.IsNullOrEmpty(Secret);

    public IReadOnlyList<string> Secrets =>
        [.. new[] { Secret, PreviousSecret }.Where(s => !string.IsNullOrEmpty(s)).Select(s => s!)];
}
