using MediatR;
using Microsoft.EntityFrameworkCore;
using Platform.Application.Common.Interfaces;

namespace Platform.Application.Maintenance.Commands.DeleteExpiredRateLimitCounters;

internal sealed class DeleteExpiredRateLimitCountersCommandHandler(IPlatformDbContext db)
    : IRequestHandler<DeleteExpiredRateLimitCountersCommand, int>
{
    public Task<int> Handle(DeleteExpiredRateLimitCountersCommand request, CancellationToken cancellationToken) =>
        // The counters are written by the API's rate limiter with plain SQL, on the database's clock; they are
        // swept on that same clock, so an instance whose clock runs ahead cannot delete a window still open.
        db.Database.ExecuteSqlAsync(
            $"DELETE FROM rate_limit_counters WHERE key IN (SELECT key FROM rate_limit_counters WHERE expires_at < now() LIMIT {request.BatchSize})",
            cancellationToken);
}
