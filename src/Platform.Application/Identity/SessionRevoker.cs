using Microsoft.EntityFrameworkCore;
using Platform.Application.Common.Interfaces;
using Platform.Domain.Identity;

namespace Platform.Application.Identity;

/// <summary>
/// Revokes sessions inside the caller's transaction and announces them to every API instance, so their access
/// tokens are refused at once. Used by logout, revoke, password change, disabling and admin revoke-all.
/// </summary>
internal static class SessionRevoker
{
    public static async Task<int> RevokeAsync(
        this IPlatformDbContext db,
        ISessionRevocationPublisher publisher,
        IQueryable<UserSession> sessions,
        string reason,
        DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        // Only live sessions: an expired one already ended, and stamping it revoked would misreport why and when.
        var live = await sessions
            .Where(s => s.RevokedAt == null && s.IdleExpiresAt > now && s.AbsoluteExpiresAt > now)
            .ToListAsync(cancellationToken);
        foreach (var session in live)
        {
            session.Revoke(now, reason);
        }

        if (live.Count == 0)
        {
            return 0;
        }

        await db.SaveChangesAsync(cancellationToken);
        await publisher.PublishAsync([.. live.Select(s => s.Id)], cancellationToken);
        return live.Count;
    }
}
