using Platform.Domain.Webhooks;

namespace Platform.Application.Common.Email;

/// <summary>Section <c>Email:Delivery</c>: the email workers every instance runs.</summary>
public sealed class EmailDeliveryOptions
{
    /// <summary>Run the email worker on this instance.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Messages sent at once on this instance: for SMTP, the connections kept open.</summary>
    public int MaxConcurrency { get; set; } = 4;

    /// <summary>Messages claimed per round trip at most.</summary>
    public int BatchSize { get; set; } = 50;

    /// <summary>How long one send may take, connecting included.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long a claimed message stays with this instance before another may take it over. Longer than twice <see cref="Timeout"/>.</summary>
    public TimeSpan LeaseDuration { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>How often to look for due messages when no notification arrives.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Seconds to wait after each transient failure before the next attempt, comma-separated; after the last the message fails.</summary>
    public string RetryScheduleSeconds { get; set; } = "10,60,300,1800,7200";

    /// <summary>The share of sends that must fail transiently, over 30 s and at least <see cref="CircuitMinimumThroughput"/> sends, to open the provider's circuit.</summary>
    public double CircuitFailureRatio { get; set; } = 0.5;

    public int CircuitMinimumThroughput { get; set; } = 10;

    /// <summary>How long an open circuit holds messages back before one send probes the provider again.</summary>
    public TimeSpan BreakDuration { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The parsed <see cref="RetryScheduleSeconds"/>. A method, so configuration binding never calls it.</summary>
    public WebhookRetrySchedule ParseRetrySchedule() => WebhookRetrySchedule.Parse(RetryScheduleSeconds);

    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        if (MaxConcurrency is < 1 or > 256)
        {
            problems.Add("Email:Delivery:MaxConcurrency must be 1 to 256.");
        }

        if (BatchSize is < 1 or > 1000)
        {
            problems.Add("Email:Delivery:BatchSize must be 1 to 1000.");
        }

        if (Timeout <= TimeSpan.Zero || Timeout > TimeSpan.FromMinutes(5))
        {
            problems.Add("Email:Delivery:Timeout must be more than 0 and at most 5 minutes.");
        }

        if (LeaseDuration <= (2 * Timeout) + TimeSpan.FromSeconds(1))
        {
            problems.Add("Email:Delivery:LeaseDuration must be longer than twice Email:Delivery:Timeout: a claimed message may wait for one send before its own.");
        }

        if (PollInterval <= TimeSpan.Zero || BreakDuration <= TimeSpan.Zero)
        {
            problems.Add("Email:Delivery:PollInterval and Email:Delivery:BreakDuration must be positive.");
        }

        if (!WebhookRetrySchedule.TryParse(RetryScheduleSeconds, out _))
        {
            problems.Add("Email:Delivery:RetryScheduleSeconds must be comma-separated whole seconds, such as 10,60,300.");
        }

        if (CircuitFailureRatio is <= 0 or > 1 || CircuitMinimumThroughput < 2)
        {
            problems.Add("Email:Delivery:CircuitFailureRatio must be more than 0 and at most 1, and Email:Delivery:CircuitMinimumThroughput at least 2.");
        }

        return problems;
    }
}
