using System.Globalization;

namespace Platform.Domain.Webhooks;

/// <summary>
/// When a failed delivery is tried again: the delay after each failed attempt of a round (the first attempt is
/// immediate), each lengthened by up to <see cref="MaxJitter"/> so that many messages failing together do not come
/// back together. After the last delay's attempt fails, the message is failed. A receiver's <c>Retry-After</c>
/// (honoured for 429 and 503) can only push the next attempt later, never earlier than the schedule says.
/// </summary>
public sealed class WebhookRetrySchedule
{
    /// <summary>The default: after an immediate first attempt, 5 s, 5 min, 30 min, 2 h, 5 h, 10 h and 10 h (about 27.6 h in all).</summary>
    public const string DefaultSeconds = "5,300,1800,7200,18000,36000,36000";

    /// <summary>The largest share a delay is lengthened by at random.</summary>
    public const double MaxJitter = 0.2;

    /// <summary>The longest a <c>Retry-After</c> can push an attempt back: a receiver cannot park a message for ever.</summary>
    public static readonly TimeSpan MaxRetryAfter = TimeSpan.FromHours(24);

    private readonly TimeSpan[] delays;

    private WebhookRetrySchedule(TimeSpan[] delays) => this.delays = delays;

    public IReadOnlyList<TimeSpan> Delays => delays;

    /// <summary>Attempts in a round: the first and one per delay.</summary>
    public int MaxAttempts => delays.Length + 1;

    /// <summary>
    /// Parses comma-separated whole seconds (<c>"5,300,1800"</c>); empty means no retry at all. Returns false for
    /// anything else, or a delay outside 0 to 7 days, or more than 50 delays.
    /// </summary>
    public static bool TryParse(string? text, out WebhookRetrySchedule schedule)
    {
        schedule = new WebhookRetrySchedule([]);
        if (string.IsNullOrWhiteSpace(text))
        {
            return true;
        }

        var parts = text.Split(',', StringSplitOptions.TrimEntries);
        if (parts.Length > 50)
        {
            return false;
        }

        var delays = new TimeSpan[parts.Length];
        for (var i = 0; i < parts.Length; i++)
        {
            if (!int.TryParse(parts[i], NumberStyles.None, CultureInfo.InvariantCulture, out var seconds) || seconds > 7 * 24 * 3600)
            {
                return false;
            }

            delays[i] = TimeSpan.FromSeconds(seconds);
        }

        schedule = new WebhookRetrySchedule(delays);
        return true;
    }

    public static WebhookRetrySchedule Parse(string? text) =>
        TryParse(text, out var schedule) ? schedule : throw new FormatException($"'{text}' is not a retry schedule: comma-separated whole seconds, each at most 7 days.");

    /// <summary>
    /// The wait before the next attempt after <paramref name="failedAttemptsInRound"/> failed attempts of this round
    /// (counting the one that just failed), or null when the round is over and the message has failed.
    /// <paramref name="random"/> is in [0, 1): it picks the jitter. <paramref name="retryAfter"/> is the receiver's
    /// <c>Retry-After</c>, if it sent one that counts.
    /// </summary>
    public TimeSpan? NextDelay(int failedAttemptsInRound, double random, TimeSpan? retryAfter = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(failedAttemptsInRound, 1);
        if (random is < 0 or >= 1)
        {
            throw new ArgumentOutOfRangeException(nameof(random), random, "Pass a number in [0, 1).");
        }

        if (failedAttemptsInRound > delays.Length)
        {
            return null;
        }

        var scheduled = delays[failedAttemptsInRound - 1] * (1 + (MaxJitter * random));
        if (retryAfter is not { } asked || asked <= scheduled)
        {
            return scheduled;
        }

        return asked < MaxRetryAfter ? asked : MaxRetryAfter;
    }

    public override string ToString() => string.Join(',', delays.Select(d => ((long)d.TotalSeconds).ToString(CultureInfo.InvariantCulture)));
}
