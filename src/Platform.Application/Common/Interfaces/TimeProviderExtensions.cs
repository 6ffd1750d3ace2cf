namespace Platform.Application.Common.Interfaces;

public static class TimeProviderExtensions
{
    /// <summary>
    /// The current UTC time truncated to microseconds, PostgreSQL's precision, so a value returned by a command
    /// equals the one later read back (timestamps feed keyset cursors).
    /// </summary>
    public static DateTimeOffset GetUtcNowMicros(this TimeProvider timeProvider)
    {
        var now = timeProvider.GetUtcNow();
        return new DateTimeOffset(now.UtcTicks - (now.UtcTicks % 10), TimeSpan.Zero);
    }
}
