using Microsoft.EntityFrameworkCore;
using Platform.Application.Identity;
using Platform.Infrastructure.Persistence;

namespace Platform.Infrastructure.Sessions;

/// <summary>Batched deletes of ended sessions and stale sign-in failure counts, on the request's connection.</summary>
internal sealed class PostgresEndedSessions(PlatformDbContext db) : IEndedSessions
{
    // The expression matches ix_user_sessions_ended, so each batch is an index range scan (refresh tokens go with
    // their session by ON DELETE CASCADE).
    public Task<int> DeleteBatchAsync(DateTimeOffset endedBefore, int batchSize, CancellationToken cancellationToken) =>
        db.Database.ExecuteSqlAsync(
            $"""
            DELETE FROM user_sessions WHERE id IN (
                SELECT id FROM user_sessions
                WHERE COALESCE(revoked_at, LEAST(idle_expires_at, absolute_expires_at)) < {endedBefore}
                ORDER BY COALESCE(revoked_at, LEAST(idle_expires_at, absolute_expires_at))
                LIMIT {batchSize})
            """,
            cancellationToken);

    public Task DeleteStaleLoginFailuresAsync(DateTimeOffset lastFailedBefore, CancellationToken cancellationToken) =>
        db.Database.ExecuteSqlAsync($"DELETE FROM login_failures WHERE last_failed_at < {lastFailedBefore}", cancellationToken);
}
