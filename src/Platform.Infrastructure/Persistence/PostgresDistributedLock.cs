using Microsoft.EntityFrameworkCore;
using Platform.Application.Common.Interfaces;

namespace Platform.Infrastructure.Persistence;

/// <summary>Transaction-scoped PostgreSQL advisory locks, keyed by a 64-bit hash of the key text.</summary>
internal sealed class PostgresDistributedLock(PlatformDbContext db) : IDistributedLock
{
    public async Task<bool> TryAcquireForTransactionAsync(string key, CancellationToken cancellationToken)
    {
        if (db.Database.CurrentTransaction is null)
        {
            throw new InvalidOperationException("A transaction-scoped lock needs an open transaction.");
        }

        var acquired = await db.Database
            .SqlQuery<bool>($"SELECT pg_try_advisory_xact_lock(hashtextextended({key}, 0)) AS \"Value\"")
            .ToListAsync(cancellationToken);
        return acquired[0];
    }
}
