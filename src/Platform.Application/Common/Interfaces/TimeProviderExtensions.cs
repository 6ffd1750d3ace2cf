namespace Platform.Application.Common.Interfaces;

public static class TimeProviderExtensions
{
    /// <summary>
    /// The current UTC time truncated to microseconds, PostgreSQL's precision, so a value returned by a command
    /// equals the one later read back (timestamps feed keyset cursors).
    /// </summary>
    public static DateTimeOffset GetUtcNowMicros(this TimeProvider timeProvider) => timeProvider.GetUtcNow().ToMicros();

    /// <summary>The time in UTC truncated to microseconds, as PostgreSQL stores it (for times a client sends).</summary>
    public static DateTimeOffset ToMicros(this DateTimeOffset value) => new(value.UtcTicks - (value.UtcTicks % 10), TimeSpan.Zero);
}
