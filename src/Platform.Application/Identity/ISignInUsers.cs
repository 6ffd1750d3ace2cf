using Platform.Domain.Identity;

namespace Platform.Application.Identity;

/// <summary>The user a sign-in is about to start a session for.</summary>
public interface ISignInUsers
{
    /// <summary>
    /// Reads the user (not tracked) under a share lock held until the caller's transaction ends, so a disable or
    /// password change that is committing waits for this sign-in or is waited for: a sign-in that checked the old
    /// state cannot leave a session behind it. Null when the user does not exist.
    /// </summary>
    Task<User?> FindHoldingChangesAsync(Guid userId, CancellationToken cancellationToken);
}
