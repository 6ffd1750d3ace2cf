using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Platform.Application.Common.Interfaces;

namespace Platform.Application.Identity.Commands.PruneEndedSessions;

internal sealed class PruneEndedSessionsCommandHandler(IPlatformDbContext db, IOptions<AuthOptions> options, TimeProvider timeProvider)
    : IRequestHandler<PruneEndedSessionsCommand, int>
{
    public async Task<int> Handle(PruneEndedSessionsCommand request, CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNowMicros();
        var cutoff = now - options.Value.SessionRetention;
        var total = 0;
        for (var batch = 0; batch < request.MaxBatches; batch++)
        {
            // The expression matches ix_user_sessions_ended, so each batch is an index range scan; each DELETE is
            // its own short transaction (refresh tokens go with their session by ON DELETE CASCADE).
            var deleted = await db.Database.ExecuteSqlAsync(
                $"""
                DELETE FROM user_sessions WHERE id IN (
                    SELECT id FROM user_sessions
                    WHERE COALESCE(revoked_at, LEAST(idle_expires_at, absolute_expires_at)) < {cutoff}
                    ORDER BY COALESCE(revoked_at, LEAST(idle_expires_at, absolute_expires_at))
                    LIMIT {request.BatchSize})
                """,
                cancellationToken);
            total += deleted;
            if (deleted < request.BatchSize)
            {
                break;
            }
        }

        await db.Database.ExecuteSqlAsync($"DELETE FROM login_failures WHERE last_failed_at < {now.AddDays(-1)}", cancellationToken);
        return total;
    }
}
