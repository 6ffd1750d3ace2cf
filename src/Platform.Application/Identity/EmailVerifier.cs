using Microsoft.Extensions.Options;
using Platform.Application.Common.Auditing;
using Platform.Application.Common.Interfaces;
using Platform.Domain.Identity;

namespace Platform.Application.Identity;

/// <summary>
/// Marks an account's current address verified, grants admin when it is a <c>Bootstrap:AdminEmails</c> address, and
/// audits both, in the caller's unit of work. The one place the bootstrap grant happens.
/// </summary>
internal sealed class EmailVerifier(
    IPlatformDbContext db,
    IOptions<BootstrapOptions> bootstrap,
    ICurrentUser currentUser,
    IRequestContext requestContext)
{
    /// <param name="user">A tracked account.</param>
    /// <param name="method">How the address was proven, for the audit row: <c>token</c>, <c>email_change</c>, <c>password_reset</c>, <c>operator</c>.</param>
    /// <param name="grantsBootstrapAdmin">
    /// False for an email change: there the requester, not the mailbox's owner, chose to move to the address, and one
    /// click by an owner who did not ask must not make the requester an admin.
    /// </param>
    public void Verify(User user, string method, DateTimeOffset now, bool grantsBootstrapAdmin = true)
    {
        ArgumentNullException.ThrowIfNull(user);
        var result = user.VerifyEmail(grantsBootstrapAdmin && bootstrap.Value.IsAdminEmail(user.NormalizedEmail), now);
        if (result.Verified)
        {
            AuditLog.Add(
                db, currentUser, requestContext, now, "users.email_verified", "user", user.Id, AuditOutcome.Succeeded,
                new { email = user.Email, method },
                actorId: currentUser.UserId ?? user.Id);
        }

        if (result.MadeAdmin)
        {
            AuditLog.Add(
                db, currentUser, requestContext, now, "users.bootstrap_admin_granted", "user", user.Id, AuditOutcome.Succeeded,
                new { email = user.Email, roles = user.Roles },
                actorId: currentUser.UserId ?? user.Id);
        }
    }
}
