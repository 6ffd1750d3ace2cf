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
    /// <param name="method">How the address was proven, for the audit row: <c>token</c>, <c>email_change</c>, <c>operator</c>.</param>
    public void Verify(User user, string method, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(user);
        var result = user.VerifyEmail(bootstrap.Value.IsAdminEmail(user.NormalizedEmail), now);
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
