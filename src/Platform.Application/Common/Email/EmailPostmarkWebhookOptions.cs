namespace Platform.Application.Common.Email;

/// <summary>Section <c>Email:Webhooks:Postmark</c>: the HTTP Basic credentials Postmark sends with every webhook.</summary>
public sealed class EmailPostmarkWebhookOptions
{
    public string? Username { get; set; }

    public string? Password { get; set; }

    public bool IsConfigured => !string.IsNullOrEmpty(Username) && !string.IsNullOrEmpty(Password);
}
