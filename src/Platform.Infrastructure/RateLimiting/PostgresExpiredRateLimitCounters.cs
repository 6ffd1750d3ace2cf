using Microsoft.EntityFrameworkCore;
using Platform.Application.Housekeeping;
using Platform.Infrastructure.Persistence;

namespace Platform.Infrastructure.RateLimiting;

/// <summary>
/// Sweeps <c>rate_limit_counters</c> (written with plain SQL by <see cref="PostgresRateLimitStore"/> on the database's
/// clock) on that same clock, on the request's connection.
/// </summary>
internal sealed class PostgresExpiredRateLimitCounters(PlatformDbContext db) : IExpiredRateLimitCounters
{
    public Task<int> DeleteBatchAsync(int batchSize, CancellationToken cancellationToken) =>
        db.Database.ExecuteSqlAsync(
            $"DELETE FROM rate_limit_counters WHERE key IN (SELECT key FROM rate_limit_counters WHERE expires_at < now() LIMIT {batchSize})",
            cancellationToken);
}
