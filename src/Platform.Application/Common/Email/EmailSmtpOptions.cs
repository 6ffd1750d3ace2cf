namespace Platform.Application.Common.Email;

/// <summary>Section <c>Email:Smtp</c>: a real SMTP server, reached through MailKit.</summary>
public sealed class EmailSmtpOptions
{
    public string? Host { get; set; }

    public int Port { get; set; } = 587;

    public string? Username { get; set; }

    public string? Password { get; set; }

    /// <summary>Require STARTTLS (the default). Off only for a server on the same host or a test sink.</summary>
    public bool UseStartTls { get; set; } = true;
}
