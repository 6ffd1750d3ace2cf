using Platform.Domain.Identity;

namespace Platform.Application.Identity;

/// <summary>Row locks on sessions (a session is the family its refresh tokens rotate within).</summary>
public interface ISessionLocks
{
    /// <summary>
    /// Locks the session (FOR UPDATE) until the caller's transaction ends and returns it, tracked: two refreshes
    /// racing with one token, or a refresh racing a revocation, are serialised. The session must exist.
    /// </summary>
    Task<UserSession> LockForRotationAsync(Guid sessionId, CancellationToken cancellationToken);
}
