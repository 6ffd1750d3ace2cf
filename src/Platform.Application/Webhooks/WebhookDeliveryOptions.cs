namespace Platform.Application.Webhooks;

/// <summary>Settings of the delivery workers (section <c>Webhooks:Delivery</c>). Every instance runs one.</summary>
public sealed class WebhookDeliveryOptions
{
    /// <summary>Run the delivery worker on this instance. Off only for tools and tests that need no delivery.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary><c>real</c> (the default) or <c>simulated</c>.</summary>
    public WebhookDeliveryMode Mode { get; set; } = WebhookDeliveryMode.Real;

    /// <summary>How long one attempt may take, connection included, before it counts as failed.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>Attempts in flight at once on this instance, over all endpoints.</summary>
    public int MaxConcurrency { get; set; } = 32;

    /// <summary>
    /// Attempts in flight at once to one endpoint, counted over every instance from the leases in the database (two
    /// instances claiming in the same instant can each take the last slot, so the bound is loose by one claim per
    /// instance). A slow receiver holds at most this many of the <see cref="MaxConcurrency"/> slots.
    /// </summary>
    public int MaxConcurrencyPerEndpoint { get; set; } = 4;

    /// <summary>Messages claimed per round trip at most.</summary>
    public int BatchSize { get; set; } = 50;

    /// <summary>How long a claimed message stays with this instance; after that another instance takes it over. Longer than <see cref="Timeout"/>.</summary>
    public TimeSpan LeaseDuration { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>How often to look for due messages when no notification arrives (retries coming due, a missed notification).</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// The share of one endpoint's attempts that must fail, over 30 s and at least <see cref="CircuitMinimumThroughput"/>
    /// attempts, to open its circuit: its messages then wait <see cref="BreakDuration"/> instead of being sent.
    /// </summary>
    public double CircuitFailureRatio { get; set; } = 0.5;

    public int CircuitMinimumThroughput { get; set; } = 10;

    /// <summary>How long an open circuit keeps an endpoint's messages waiting before one attempt probes it again.</summary>
    public TimeSpan BreakDuration { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The <c>User-Agent</c> of every request.</summary>
    public string UserAgent { get; set; } = "Platform-Webhooks/1.0 (+https://www.standardwebhooks.com/)";

    /// <summary>Every problem with these settings, each naming its key.</summary>
    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        if (Timeout <= TimeSpan.Zero || Timeout > TimeSpan.FromMinutes(5))
        {
            problems.Add("Webhooks:Delivery:Timeout must be more than 0 and at most 5 minutes.");
        }

        if (LeaseDuration <= Timeout + TimeSpan.FromSeconds(1))
        {
            problems.Add("Webhooks:Delivery:LeaseDuration must be longer than Webhooks:Delivery:Timeout (by a second at least), or a slow attempt would lose its lease while in flight.");
        }

        if (MaxConcurrency is < 1 or > 1024)
        {
            problems.Add("Webhooks:Delivery:MaxConcurrency must be 1 to 1024.");
        }

        if (MaxConcurrencyPerEndpoint < 1 || MaxConcurrencyPerEndpoint > MaxConcurrency)
        {
            problems.Add("Webhooks:Delivery:MaxConcurrencyPerEndpoint must be 1 to Webhooks:Delivery:MaxConcurrency.");
        }

        if (BatchSize is < 1 or > 1000)
        {
            problems.Add("Webhooks:Delivery:BatchSize must be 1 to 1000.");
        }

        if (PollInterval <= TimeSpan.Zero || BreakDuration <= TimeSpan.Zero)
        {
            problems.Add("Webhooks:Delivery:PollInterval and Webhooks:Delivery:BreakDuration must be positive.");
        }

        if (CircuitFailureRatio is <= 0 or > 1 || CircuitMinimumThroughput < 2)
        {
            problems.Add("Webhooks:Delivery:CircuitFailureRatio must be more than 0 and at most 1, and Webhooks:Delivery:CircuitMinimumThroughput at least 2.");
        }

        if (string.IsNullOrWhiteSpace(UserAgent) || UserAgent.Length > 200)
        {
            problems.Add("Webhooks:Delivery:UserAgent must be 1 to 200 characters.");
        }

        return problems;
    }
}
