using Platform.Domain.Inbound;

namespace Platform.Application.Common.Email;

/// <summary>
/// Section <c>Email:Webhooks</c>: how the email providers' inbound webhooks are verified. A provider left unset has
/// its route refuse every request (401), so nothing unverified is ever stored.
/// </summary>
public sealed class EmailWebhooksOptions
{
    public EmailPostmarkWebhookOptions Postmark { get; set; } = new();

    public EmailResendWebhookOptions Resend { get; set; } = new();

    public IEnumerable<string> Problems()
    {
        if (string.IsNullOrEmpty(Postmark.Username) != string.IsNullOrEmpty(Postmark.Password))
        {
            yield return "Email:Webhooks:Postmark:Username and Email:Webhooks:Postmark:Password go together: set both (the credentials in the webhook URL you give Postmark), or neither.";
        }
        else if (Postmark.Password is { Length: > 0 and < 16 })
        {
            yield return "Email:Webhooks:Postmark:Password must be at least 16 characters: it is all that stands between the internet and the suppression list.";
        }

        if (!string.IsNullOrEmpty(Resend.Secret) && !StandardWebhooksVerifier.IsValidSecret(Resend.Secret))
        {
            yield return "Email:Webhooks:Resend:Secret must be the signing secret Resend shows for the webhook (whsec_ followed by base64).";
        }

        if (!string.IsNullOrEmpty(Resend.PreviousSecret) && !StandardWebhooksVerifier.IsValidSecret(Resend.PreviousSecret))
        {
            yield return "Email:Webhooks:Resend:PreviousSecret must be a signing secret (whsec_ followed by base64), or empty.";
        }

        if (string.IsNullOrEmpty(Resend.Secret) && !string.IsNullOrEmpty(Resend.PreviousSecret))
        {
            yield return "Email:Webhooks:Resend:PreviousSecret needs Email:Webhooks:Resend:Secret: it only extends the current secret during a rotation.";
        }
    }
}
