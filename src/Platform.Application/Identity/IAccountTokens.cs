namespace Platform.Application.Identity;

/// <summary>
/// The single-use tokens of the account flows (<c>account_tokens</c>): one live token per account and purpose, stored
/// as SHA-256 of the token, never as the token. Each call is one atomic statement in the caller's transaction, so two
/// instances using one token at once cannot both succeed.
/// </summary>
public interface IAccountTokens
{
    /// <summary>
    /// Stores <paramref name="tokenHash"/> as the account's token for <paramref name="purpose"/>, replacing an older
    /// one. A request is written only once, and never over a later one: when the live token was requested at or after
    /// <paramref name="requestedAt"/> nothing changes and the answer is false (a redelivered request mails nothing).
    /// </summary>
    Task<bool> ReplaceAsync(
        Guid userId, AccountTokenPurpose purpose, byte[] tokenHash, string email, DateTimeOffset requestedAt, DateTimeOffset expiresAt, CancellationToken cancellationToken);

    /// <summary>Uses the token: removes it and returns its account and address, if it is live and for this purpose; null otherwise (and ever after).</summary>
    Task<UsedAccountToken?> UseAsync(byte[] tokenHash, AccountTokenPurpose purpose, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>Kills the account's live tokens of these purposes (a password changed by any route kills its reset token).</summary>
    Task RevokeAsync(Guid userId, IReadOnlyCollection<AccountTokenPurpose> purposes, CancellationToken cancellationToken);
}
