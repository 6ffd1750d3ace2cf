using Microsoft.EntityFrameworkCore;
using Platform.Application.Common.Interfaces;
using Platform.Domain.Identity;

namespace Platform.Application.Identity;

/// <summary>
/// Revokes the live sessions among <c>sessions</c> in the caller's unit of work. Each revoked session raises
/// <c>SessionRevokedDomainEvent</c>, whose handler announces it to every instance, so its access tokens are refused
/// at once. Used by logout, revoke, password change, disabling and admin revoke-all.
/// </summary>
internal static class SessionRevoker
{
    public static async Task<int> RevokeAsync(
        this IPlatformDbContext db,
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

        return live.Count;
    }
}
