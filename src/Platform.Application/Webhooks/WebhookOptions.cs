namespace Platform.Application.Webhooks;

/// <summary>Settings of outbound webhooks (section <c>Webhooks</c>); validated at start-up by the API.</summary>
public sealed class WebhookOptions
{
    public const string SectionName = "Webhooks";

    /// <summary>
    /// Base64 of 32 random bytes: the AES-256-GCM key that seals signing secrets at rest. Required outside
    /// Development; Development and Testing derive one from <c>Auth:SecretKey</c> when it is not set.
    /// </summary>
    public string? SecretEncryptionKey { get; set; }

    /// <summary>Keys that sealed secrets before the last key rotation: they still open, and never seal.</summary>
    public IReadOnlyList<string> PreviousSecretEncryptionKeys { get; set; } = [];

    /// <summary>
    /// Host names or IP literals that may be called although they resolve to a refused address (loopback, private,
    /// ...), compared with the URL's host without regard to case. Tests list <c>127.0.0.1</c>.
    /// </summary>
    public IReadOnlyList<string> AllowedHosts { get; set; } = [];

    /// <summary>Refuse <c>http://</c> URLs. Always on in Production, whatever is configured.</summary>
    public bool RequireHttps { get; set; }

    /// <summary>How long the secret before a rotation keeps signing beside the new one (0 to 30 days).</summary>
    public TimeSpan RotationGracePeriod { get; set; } = TimeSpan.FromHours(24);

    /// <summary>How long the registration check may wait for a host name to resolve.</summary>
    public TimeSpan ResolveTimeout { get; set; } = TimeSpan.FromSeconds(5);
}
