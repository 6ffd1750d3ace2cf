namespace Platform.Domain.Identity;

/// <summary>
/// Two-factor sign-in with an authenticator app (TOTP, RFC 6238: six digits, a 30-second step, HMAC-SHA1, the
/// parameters every authenticator app supports) and ten single-use recovery codes.
/// </summary>
public static class MfaRules
{
    public const int TotpDigits = 6;

    public const int TotpPeriodSeconds = 30;

    /// <summary>Steps either side of now that are accepted, for clocks that drift and codes typed at a step's end.</summary>
    public const int TotpDriftSteps = 1;

    /// <summary>The secret's length: 160 bits, the HMAC-SHA1 block RFC 4226 recommends.</summary>
    public const int TotpSecretBytes = 20;

    public const int RecoveryCodeCount = 10;

    /// <summary>Codes (or recovery codes) that one sign-in's <c>mfa_token</c> may try; then it is dead and the password is asked again.</summary>
    public const int MaxCodeAttemptsPerToken = 5;

    /// <summary>How long the <c>mfa_token</c> of a sign-in that passed its first factor works.</summary>
    public static readonly TimeSpan SignInChallengeLifetime = TimeSpan.FromMinutes(5);

    /// <summary>How long the <c>mfa_token</c> of an account that must enrol works: long enough to install an app and scan a code.</summary>
    public static readonly TimeSpan EnrolmentChallengeLifetime = TimeSpan.FromMinutes(15);

    /// <summary>Six ASCII digits, nothing else.</summary>
    public static bool IsWellFormedTotpCode(string? code) => code is { Length: TotpDigits } && code.All(char.IsAsciiDigit);
}
