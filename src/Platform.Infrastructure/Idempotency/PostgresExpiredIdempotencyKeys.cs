using Microsoft.EntityFrameworkCore;
using Platform.Application.Common.Idempotency;
using Platform.Infrastructure.Persistence;

namespace Platform.Infrastructure.Idempotency;

/// <summary>Deletes expired idempotency keys by condition, on the request's connection (and transaction, if open).</summary>
internal sealed class PostgresExpiredIdempotencyKeys(PlatformDbContext db) : IExpiredIdempotencyKeys
{
    public Task DeleteAsync(Guid id, DateTimeOffset now, CancellationToken cancellationToken) =>
        db.IdempotencyRecords
            .Where(r => r.Id == id && r.ExpiresAt <= now)
            .ExecuteDeleteAsync(cancellationToken);

    public Task<int> DeleteBatchAsync(DateTimeOffset now, int batchSize, CancellationToken cancellationToken)
    {
        var ids = db.IdempotencyRecords.Where(r => r.ExpiresAt <= now).OrderBy(r => r.ExpiresAt).Select(r => r.Id).Take(batchSize);
        return db.IdempotencyRecords.Where(r => ids.Contains(r.Id)).ExecuteDeleteAsync(cancellationToken);
    }
}
