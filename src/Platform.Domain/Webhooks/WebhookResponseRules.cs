using System.Globalization;

namespace Platform.Domain.Webhooks;

/// <summary>What a receiver's answer means for the message and the endpoint.</summary>
public static class WebhookResponseRules
{
    /// <summary>Only a 2xx is a delivery. A redirect is a failure (redirects are never followed), <c>410 Gone</c> disables the endpoint.</summary>
    public static WebhookAttemptOutcome Classify(int statusCode) => statusCode switch
    {
        >= 200 and <= 299 => WebhookAttemptOutcome.Succeeded,
        410 => WebhookAttemptOutcome.Gone,
        _ => WebhookAttemptOutcome.Failed,
    };

    /// <summary>Whether a <c>Retry-After</c> on this status is honoured: 429 Too Many Requests and 503 Service Unavailable.</summary>
    public static bool HonoursRetryAfter(int statusCode) => statusCode is 429 or 503;

    /// <summary>
    /// The wait a <c>Retry-After</c> value asks for: delay-seconds, or an HTTP date (relative to <paramref name="now"/>).
    /// Null for a missing, malformed or past value.
    /// </summary>
    public static TimeSpan? ParseRetryAfter(string? value, DateTimeOffset now)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        value = value.Trim();
        if (long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
        {
            return TimeSpan.FromSeconds(Math.Min(seconds, (long)WebhookRetrySchedule.MaxRetryAfter.TotalSeconds));
        }

        if (DateTimeOffset.TryParseExact(value, "r", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var date) && date > now)
        {
            return date - now;
        }

        return null;
    }
}
