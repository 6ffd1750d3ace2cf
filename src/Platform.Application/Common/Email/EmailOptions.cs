namespace Platform.Application.Common.Email;

/// <summary>How transactional email is sent (section <c>Email</c>); checked at start-up by the API.</summary>
public sealed class EmailOptions
{
    public const string SectionName = "Email";

    /// <summary>
    /// <c>smtp</c>, <c>postmark</c> or <c>simulated</c> (records each message as sent and sends nothing). Unset means
    /// simulated, with a start-up warning outside Development.
    /// </summary>
    public EmailProvider? Provider { get; set; }

    /// <summary>The sender, such as <c>Platform &lt;no-reply@example.com&gt;</c>. Required for smtp and postmark.</summary>
    public string? From { get; set; }

    /// <summary>The product name that subjects and footers carry.</summary>
    public string ProductName { get; set; } = "Platform";

    public EmailSmtpOptions Smtp { get; set; } = new();

    public EmailPostmarkOptions Postmark { get; set; } = new();

    public EmailDeliveryOptions Delivery { get; set; } = new();

    public EmailWebhooksOptions Webhooks { get; set; } = new();

    public EmailSuppressionOptions Suppression { get; set; } = new();

    /// <summary>
    /// Seals message content at rest (AES-256-GCM): 32 bytes derived from <c>Auth:SecretKey</c> at start-up, never
    /// configured by hand.
    /// </summary>
    public byte[] ContentKey { get; set; } = [];

    /// <summary>The provider in use: <see cref="Provider"/>, or simulated when none is set.</summary>
    public EmailProvider EffectiveProvider => Provider ?? EmailProvider.Simulated;

    /// <summary>Every problem with these settings, each naming its key and never a secret value.</summary>
    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        if (Provider is EmailProvider.Smtp or EmailProvider.Postmark)
        {
            if (string.IsNullOrWhiteSpace(From) || !EmailSender.TryParse(From, out _))
            {
                problems.Add("Email:From is required for the smtp and postmark providers: an address, or a name and an address such as 'Platform <no-reply@example.com>'.");
            }
        }
        else if (!string.IsNullOrWhiteSpace(From) && !EmailSender.TryParse(From, out _))
        {
            problems.Add("Email:From must be an address, or a name and an address such as 'Platform <no-reply@example.com>'.");
        }

        if (string.IsNullOrWhiteSpace(ProductName) || ProductName.Length > 100 || ProductName.Any(char.IsControl))
        {
            problems.Add("Email:ProductName must be 1 to 100 characters, without line breaks.");
        }

        if (Provider == EmailProvider.Smtp)
        {
            if (string.IsNullOrWhiteSpace(Smtp.Host))
            {
                problems.Add("Email:Smtp:Host is required for the smtp provider.");
            }

            if (Smtp.Port is < 1 or > 65535)
            {
                problems.Add("Email:Smtp:Port must be 1 to 65535.");
            }

            if (string.IsNullOrEmpty(Smtp.Username) != string.IsNullOrEmpty(Smtp.Password))
            {
                problems.Add("Email:Smtp:Username and Email:Smtp:Password go together: set both, or neither for a server without authentication.");
            }
        }

        if (Provider == EmailProvider.Postmark)
        {
            if (string.IsNullOrWhiteSpace(Postmark.ServerToken))
            {
                problems.Add("Email:Postmark:ServerToken is required for the postmark provider (env Email__Postmark__ServerToken).");
            }

            if (!Uri.TryCreate(Postmark.BaseUrl, UriKind.Absolute, out var baseUrl) || baseUrl.Scheme is not ("https" or "http"))
            {
                problems.Add("Email:Postmark:BaseUrl must be an absolute http(s) URL.");
            }

            if (string.IsNullOrWhiteSpace(Postmark.MessageStream))
            {
                problems.Add("Email:Postmark:MessageStream must not be empty.");
            }
        }

        problems.AddRange(Delivery.Problems());
        problems.AddRange(Webhooks.Problems());
        problems.AddRange(Suppression.Problems());
        return problems;
    }
}
