using Platform.Domain.Identity;

namespace Platform.Application.Identity;

public sealed class AuthOptions
{
    public const string SectionName = "Auth";

    /// <summary>Issuer and audience written into and required of access tokens.</summary>
    public string Issuer { get; set; } = "platform";

    public string Audience { get; set; } = "platform-api";

    /// <summary>
    /// The access-token signing keys (ES256). The first signs; every key verifies and is published in the JWKS
    /// document, so an operator rotates by adding a key, then moving it first, then removing the old one.
    /// </summary>
    public IList<SigningKeySettings> SigningKeys { get; } = [];

    /// <summary>Server secret (base64, at least 32 bytes) from which cursor and idempotency-fingerprint MAC keys are derived.</summary>
    public string SecretKey { get; set; } = string.Empty;

    /// <summary>Where Development keeps the keys it generates, so tokens survive a restart.</summary>
    public string DevelopmentKeyFile { get; set; } = ".local/dev-auth-keys.json";

    public TimeSpan AccessTokenLifetime { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>A session not used for this long ends.</summary>
    public TimeSpan SessionIdleLifetime { get; set; } = TimeSpan.FromDays(14);

    /// <summary>A session ends this long after sign-in, however much it is used.</summary>
    public TimeSpan SessionAbsoluteLifetime { get; set; } = TimeSpan.FromDays(90);

    /// <summary>
    /// How long after a rotation the immediately previous refresh token may be presented again and get the same
    /// successor (for a client whose response was lost). Zero (the default) makes every second use a breach.
    /// </summary>
    public TimeSpan RefreshTokenOverlap { get; set; } = TimeSpan.Zero;

    /// <summary>Sessions that ended longer ago than this are deleted by the pruning job.</summary>
    public TimeSpan SessionRetention { get; set; } = TimeSpan.FromDays(30);

    /// <summary>Sessions deleted per statement by the pruning job, so it never holds long locks.</summary>
    public int SessionPruneBatchSize { get; set; } = 1000;

    /// <summary>Browser cookie mode: the refresh-token cookie's name outside Development gets the <c>__Host-</c> prefix.</summary>
    public string RefreshCookieName { get; set; } = "platform_refresh";

    /// <summary>
    /// The lowest zxcvbn score (0-4) a new password may have at registration, change and reset. 3 is "safely
    /// unguessable: moderate protection from an offline attack"; existing passwords keep working whatever their score.
    /// </summary>
    public int PasswordMinimumScore { get; set; } = 3;

    /// <summary>Password sign-in refuses an unverified address with 403 <c>auth.email_unverified</c> (off by default; a one-time code still signs in, since it proves the mailbox).</summary>
    public bool RequireVerifiedEmail { get; set; }

    /// <summary>How long a mailed email-verification (or email-change) token works.</summary>
    public TimeSpan EmailVerificationTokenLifetime { get; set; } = TimeSpan.FromHours(24);

    /// <summary>How long a mailed password-reset token works.</summary>
    public TimeSpan PasswordResetTokenLifetime { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>
    /// The link in a verification mail, with <c>{token}</c> where the token goes, for example
    /// <c>https://app.example.com/verify-email?token={token}</c>: the front end posts the token to
    /// <c>POST /api/v1/auth/email/verify</c>. Empty: the mail carries only the code to paste.
    /// </summary>
    public string VerifyEmailUrl { get; set; } = string.Empty;

    /// <summary>The link in a password-reset mail, with <c>{token}</c>, like <see cref="VerifyEmailUrl"/>; the front end posts it to <c>POST /api/v1/auth/password/reset</c>.</summary>
    public string ResetPasswordUrl { get; set; } = string.Empty;

    /// <summary>
    /// Roles whose accounts must sign in with an authenticator app (for example <c>admin</c>): until they enrol, their
    /// sign-in answers 403 <c>auth.mfa_enrolment_required</c> with an <c>mfa_token</c> that can only set one up.
    /// Empty (the default): two-factor sign-in is each user's choice.
    /// </summary>
    public IReadOnlyList<string> RequireMfaForRoles { get; set; } = [];

    /// <summary>The issuer an authenticator app shows next to the account (the <c>otpauth://</c> URI's <c>issuer</c>).</summary>
    public string MfaIssuer { get; set; } = "Platform";

    /// <summary>
    /// Seals TOTP secrets at rest (AES-256-GCM): the base64 of 32 random bytes, the same on every instance. Empty:
    /// a key derived from <see cref="SecretKey"/> (HKDF, a label of its own) seals them. Setting it later is safe:
    /// the derived key still opens what it sealed.
    /// </summary>
    public string? MfaEncryptionKey { get; set; }

    /// <summary>Earlier values of <see cref="MfaEncryptionKey"/>: they open what they sealed but never seal, and a secret is re-sealed under the current key when it is next used.</summary>
    public IReadOnlyList<string> PreviousMfaEncryptionKeys { get; set; } = [];

    public SessionLifetimes SessionLifetimes => new(SessionIdleLifetime, SessionAbsoluteLifetime);
}
