using MediatR;
using Microsoft.EntityFrameworkCore;
using Platform.Application.Common.Interfaces;

namespace Platform.Application.Maintenance.Commands.DeleteExpiredRateLimitCounters;

internal sealed class DeleteExpiredRateLimitCountersCommandHandler(IPlatformDbContext db, TimeProvider timeProvider)
    : IRequestHandler<DeleteExpiredRateLimitCountersCommand, int>
{
    public Task<int> Handle(DeleteExpiredRateLimitCountersCommand request, CancellationToken cancellationToken)
    {
        // The counters are written by the API's rate limiter with plain SQL; they are not an entity.
        var now = timeProvider.GetUtcNow();
        return db.Database.ExecuteSqlAsync(
            $"DELETE FROM rate_limit_counters WHERE key IN (SELECT key FROM rate_limit_counters WHERE expires_at < {now} LIMIT {request.BatchSize})",
            cancellationToken);
    }
}
