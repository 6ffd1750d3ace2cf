namespace Platform.Infrastructure.Outbox;

public sealed class OutboxOptions
{
    public const string SectionName = "Outbox";

    /// <summary>Run the dispatcher on this instance. Off only for tools (migrate) and tests that drive it by hand.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Messages claimed per round trip.</summary>
    public int BatchSize { get; set; } = 100;

    /// <summary>Messages handled at once by this instance.</summary>
    public int MaxConcurrency { get; set; } = 4;

    /// <summary>How often to look for due messages when no NOTIFY arrives (retries coming due, a missed notification).</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>How long a claimed message stays with this instance; after that another instance takes it over.</summary>
    public TimeSpan LeaseDuration { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>How long one handler may take for one message before the attempt counts as failed (shorter than the lease).</summary>
    public TimeSpan HandlerTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Attempts before a message is parked as failed.</summary>
    public int MaxAttempts { get; set; } = 10;

    /// <summary>Back-off after the first failure; it doubles with each attempt, with jitter, up to <see cref="RetryMaxDelay"/>.</summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(5);

    public TimeSpan RetryMaxDelay { get; set; } = TimeSpan.FromHours(1);

    /// <summary>How often the depth and oldest-age figures are read for the metrics.</summary>
    public TimeSpan StatsInterval { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How long processed messages are kept (for the admin view and debugging) before the cleanup job deletes them.</summary>
    public TimeSpan RetainProcessedFor { get; set; } = TimeSpan.FromDays(7);

    /// <summary>Throws <see cref="InvalidOperationException"/> naming the first bad setting.</summary>
    public void Validate()
    {
        if (BatchSize is < 1 or > 1000)
        {
            throw new InvalidOperationException("Outbox:BatchSize must be 1 to 1000.");
        }

        if (MaxConcurrency is < 1 or > 64)
        {
            throw new InvalidOperationException("Outbox:MaxConcurrency must be 1 to 64.");
        }

        if (PollInterval <= TimeSpan.Zero || LeaseDuration <= TimeSpan.Zero || HandlerTimeout <= TimeSpan.Zero || StatsInterval <= TimeSpan.Zero)
        {
            throw new InvalidOperationException("Outbox:PollInterval, LeaseDuration, HandlerTimeout and StatsInterval must be positive.");
        }

        if (HandlerTimeout >= LeaseDuration)
        {
            throw new InvalidOperationException("Outbox:HandlerTimeout must be shorter than Outbox:LeaseDuration, or a slow handler would lose its lease while still running.");
        }

        if (MaxAttempts < 1)
        {
            throw new InvalidOperationException("Outbox:MaxAttempts must be at least 1.");
        }

        if (RetryBaseDelay <= TimeSpan.Zero || RetryMaxDelay < RetryBaseDelay)
        {
            throw new InvalidOperationException("Outbox:RetryBaseDelay must be positive and at most Outbox:RetryMaxDelay.");
        }
    }
}
