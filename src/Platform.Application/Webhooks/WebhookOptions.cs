using Platform.Domain.Webhooks;

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

    /// <summary>
    /// Seconds to wait after each failed attempt before the next, comma-separated; the first attempt is immediate and
    /// each delay gets up to 20% jitter. After the last, the message is failed. Empty: no retries.
    /// </summary>
    public string RetryScheduleSeconds { get; set; } = WebhookRetrySchedule.DefaultSeconds;

    /// <summary>An endpoint whose attempts fail without a single success for this long is disabled (reason <c>failing</c>).</summary>
    public TimeSpan DisableAfter { get; set; } = TimeSpan.FromDays(5);

    /// <summary>How long delivered messages (and their attempts) stay in the delivery log before the cleanup job deletes them.</summary>
    public TimeSpan RetainDeliveredFor { get; set; } = TimeSpan.FromDays(7);

    /// <summary>How long failed messages stay, for <c>recover</c> and <c>redeliver</c>, before the cleanup job deletes them.</summary>
    public TimeSpan RetainFailedFor { get; set; } = TimeSpan.FromDays(30);

    /// <summary>How the delivery workers send (section <c>Webhooks:Delivery</c>).</summary>
    public WebhookDeliveryOptions Delivery { get; set; } = new();

    /// <summary>The parsed <see cref="RetryScheduleSeconds"/> (checked at start-up). A method, so configuration binding never calls it.</summary>
    public WebhookRetrySchedule ParseRetrySchedule() => WebhookRetrySchedule.Parse(RetryScheduleSeconds);

    /// <summary>Every problem with the delivery settings, each naming its key; empty when they are fine.</summary>
    public IReadOnlyList<string> DeliveryProblems()
    {
        var problems = new List<string>();
        if (!WebhookRetrySchedule.TryParse(RetryScheduleSeconds, out _))
        {
            problems.Add("Webhooks:RetryScheduleSeconds must be comma-separated whole seconds (at most 50 delays, each at most 604800), such as 5,300,1800.");
        }

        if (DisableAfter <= TimeSpan.Zero)
        {
            problems.Add("Webhooks:DisableAfter must be positive (a time span such as 5.00:00:00).");
        }

        if (RetainDeliveredFor < TimeSpan.Zero || RetainFailedFor < TimeSpan.Zero)
        {
            problems.Add("Webhooks:RetainDeliveredFor and Webhooks:RetainFailedFor must not be negative.");
        }

        problems.AddRange(Delivery.Problems());
        return problems;
    }
}
