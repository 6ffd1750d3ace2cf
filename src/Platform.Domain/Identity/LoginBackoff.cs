namespace Platform.Domain.Identity;

/// <summary>
/// Progressive back-off for failed sign-ins to one account: the first <see cref="FreeFailures"/> failures cost
/// nothing, then each further failure blocks the account's sign-in for twice as long as the one before, starting at
/// one second and capped at <see cref="MaxDelay"/>. A successful sign-in clears the count.
/// </summary>
public static class LoginBackoff
{
    public const int FreeFailures = 3;

    public static readonly TimeSpan MaxDelay = TimeSpan.FromMinutes(15);

    /// <summary>A run of failures whose last one is older than this is forgotten: the back-off starts again from the beginning.</summary>
    public static readonly TimeSpan ForgetAfter = TimeSpan.FromHours(24);

    /// <summary>How long sign-in stays blocked after the <paramref name="failures"/>-th consecutive failure.</summary>
    public static TimeSpan DelayAfter(int failures)
    {
        if (failures <= FreeFailures)
        {
            return TimeSpan.Zero;
        }

        var exponent = Math.Min(failures - FreeFailures - 1, 20);
        var seconds = Math.Pow(2, exponent);
        return seconds >= MaxDelay.TotalSeconds ? MaxDelay : TimeSpan.FromSeconds(seconds);
    }
}
