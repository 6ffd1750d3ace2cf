namespace Platform.Application.Identity;

/// <summary>
/// The one-time sign-in codes (one per user; a new one replaces the old). Codes are stored as an HMAC under a key
/// derived from <c>Auth:SecretKey</c>, never as the code. Each change is one atomic statement, so two instances
/// checking codes for one user at once cannot both use a code, nor lose a failed attempt.
/// </summary>
public interface IOneTimeCodes
{
    /// <summary>
    /// Stores <paramref name="code"/> as the user's code, valid until <paramref name="expiresAt"/>, replacing an earlier
    /// one (in the caller's transaction). A code requested at <paramref name="now"/> never replaces one requested at the
    /// same time or later: the answer is then false, and nothing changed (a redelivered request mails nothing).
    /// </summary>
    Task<bool> ReplaceAsync(Guid userId, string code, DateTimeOffset now, DateTimeOffset expiresAt, CancellationToken cancellationToken);

    /// <summary>Uses the code if it is the user's, unexpired, unused and not exhausted: true once, false ever after.</summary>
    Task<bool> SpendAsync(Guid userId, string code, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>Counts a wrong code against the user's live code; the last allowed failure kills it.</summary>
    Task RecordFailureAsync(Guid userId, DateTimeOffset now, CancellationToken cancellationToken);
}
