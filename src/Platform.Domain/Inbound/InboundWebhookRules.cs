namespace Platform.Domain.Inbound;

/// <summary>Rules every inbound webhook verifier applies.</summary>
public static class InboundWebhookRules
{
    /// <summary>How far a signed timestamp may be from now, either way: older is a replay, newer a skewed or forged clock.</summary>
    public static readonly TimeSpan TimestampTolerance = TimeSpan.FromMinutes(5);

    /// <summary>Whether a signed Unix timestamp (seconds) is within the tolerance of <paramref name="now"/>.</summary>
    public static bool IsFresh(long unixSeconds, DateTimeOffset now) =>
        Math.Abs(now.ToUnixTimeSeconds() - unixSeconds) <= (long)TimestampTolerance.TotalSeconds;
}
