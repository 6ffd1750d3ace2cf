namespace Platform.Application.Identity;

/// <summary>
/// The second factor of an account (<c>user_totp</c>, <c>mfa_recovery_codes</c>) and the <c>mfa_token</c> of sign-ins
/// waiting for it (<c>mfa_challenges</c>). Every change is one atomic statement, so a code, a recovery code or a
/// token is spent once across instances; secrets are sealed at rest and only hashes of codes and tokens are stored.
/// </summary>
public interface IMfaStore
{
    /// <summary>The account's authenticator, or null when it has none (not even a pending one).</summary>
    Task<MfaState?> FindAsync(Guid userId, CancellationToken cancellationToken);

    /// <summary>
    /// A new secret for the account, pending until confirmed (replacing a pending one), or null when the account has
    /// a confirmed authenticator already. <paramref name="accountName"/> labels it in the authenticator app.
    /// </summary>
    Task<TotpSetup?> StartEnrolmentAsync(Guid userId, string accountName, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>
    /// Confirms the pending authenticator when <paramref name="code"/> is right for it, replacing the account's recovery
    /// codes by <paramref name="recoveryCodes"/> (stored hashed). False: no pending authenticator, or a wrong code.
    /// </summary>
    Task<bool> ConfirmAsync(Guid userId, string code, IReadOnlyList<string> recoveryCodes, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>Spends a code of the confirmed authenticator: false when it is wrong, or its step (or a later one) was used already.</summary>
    Task<bool> SpendCodeAsync(Guid userId, string code, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>Spends a recovery code: how many remain after it, or null when it is not one of the account's.</summary>
    Task<int?> SpendRecoveryCodeAsync(Guid userId, string code, CancellationToken cancellationToken);

    /// <summary>Removes the authenticator, the recovery codes and every waiting <c>mfa_token</c>; false when there was no authenticator.</summary>
    Task<bool> RemoveAsync(Guid userId, CancellationToken cancellationToken);

    /// <summary>A new single-use <c>mfa_token</c> (32 random bytes, base64url), stored hashed.</summary>
    Task<string> IssueChallengeAsync(Guid userId, MfaChallengePurpose purpose, string deviceName, string? userAgent, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>The live challenge of <paramref name="token"/> for <paramref name="purpose"/>, without spending it.</summary>
    Task<MfaChallenge?> FindChallengeAsync(string token, MfaChallengePurpose purpose, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>
    /// Claims one of a sign-in token's <see cref="Domain.Identity.MfaRules.MaxCodeAttemptsPerToken"/> tries, in one
    /// statement: false when the token is gone or has none left, however many requests race for them.
    /// </summary>
    Task<bool> ClaimAttemptAsync(string token, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>Spends the challenge: false when it is gone (spent by another request, expired or revoked).</summary>
    Task<bool> SpendChallengeAsync(string token, MfaChallengePurpose purpose, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>
    /// Seals every authenticator secret that is not under the current key again under it: how many were re-sealed,
    /// and how many no configured key opens (left as they are).
    /// </summary>
    Task<(int Resealed, int Unreadable)> ResealAllAsync(CancellationToken cancellationToken);

    /// <summary>Ends every waiting <c>mfa_token</c> of the account (on a password change).</summary>
    Task RevokeChallengesAsync(Guid userId, CancellationToken cancellationToken);
}
