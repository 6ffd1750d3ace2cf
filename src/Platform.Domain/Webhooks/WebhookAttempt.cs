namespace Platform.Domain.Webhooks;

/// <summary>One attempt to deliver a message, as the delivery log shows it. Written by the delivery workers.</summary>
public sealed class WebhookAttempt
{
    /// <summary>How much of the receiver's answer is kept.</summary>
    public const int MaxResponseBodyChars = 1024;

    private WebhookAttempt()
    {
    }

    public Guid Id { get; private set; }

    public Guid MessageId { get; private set; }

    public DateTimeOffset AttemptedAt { get; private set; }

    public WebhookAttemptOutcome Outcome { get; private set; }

    /// <summary>The receiver's status code; null when no answer came (timeout, refused connection or address).</summary>
    public int? StatusCode { get; private set; }

    public int LatencyMs { get; private set; }

    /// <summary>The first <see cref="MaxResponseBodyChars"/> characters of the answer's body.</summary>
    public string? ResponseBody { get; private set; }

    public string? Error { get; private set; }

    /// <summary>The instance that made the attempt.</summary>
    public string Instance { get; private set; } = string.Empty;
}
