namespace Platform.Infrastructure.Outbox;

/// <summary>
/// When a failed message is tried again: exponential back-off from the base delay, capped, with "equal jitter" (a
/// random point in the upper half of the window), so messages that failed together do not all come back together
/// and a receiver that is down is not hammered.
/// </summary>
public static class OutboxBackoff
{
    /// <param name="attempt">The attempt that just failed, from 1.</param>
    /// <param name="random">A number in [0, 1).</param>
    public static TimeSpan DelayAfter(int attempt, TimeSpan baseDelay, TimeSpan maxDelay, double random)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(attempt, 1);
        var exponent = Math.Min(attempt - 1, 30);
        var window = Math.Min(baseDelay.TotalMilliseconds * Math.Pow(2, exponent), maxDelay.TotalMilliseconds);
        return TimeSpan.FromMilliseconds((window / 2) + (window / 2 * Math.Clamp(random, 0, 1)));
    }
}
