namespace Platform.Domain.Identity;

/// <summary>One-time sign-in codes: six digits, valid ten minutes, used once, and dead after five wrong tries.</summary>
public static class OneTimeCodeRules
{
    public const int Digits = 6;

    public const int MaxFailedAttempts = 5;

    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(10);

    /// <summary>Six ASCII digits, nothing else.</summary>
    public static bool IsWellFormed(string? code) => code is { Length: Digits } && code.All(char.IsAsciiDigit);
}
