using Microsoft.EntityFrameworkCore;
using Platform.Application.Identity;
using Platform.Domain.Identity;
using Platform.Infrastructure.Persistence;

namespace Platform.Infrastructure.Sessions;

/// <summary>Row locks on <c>user_sessions</c>, taken in the command's own transaction.</summary>
internal sealed class PostgresSessionLocks(PlatformDbContext db) : ISessionLocks
{
    public async Task<UserSession> LockForRotationAsync(Guid sessionId, CancellationToken cancellationToken) =>
        await db.UserSessions
            .FromSql($"SELECT * FROM user_sessions WHERE id = {sessionId} FOR UPDATE")
            .LockedRowAsync(cancellationToken)
        ?? throw new InvalidOperationException($"Session {sessionId} does not exist.");
}
