using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Platform.Infrastructure.Persistence;

namespace Platform.Infrastructure.Sessions;

/// <summary>
/// Applies what a transaction announced to this instance's caches once it has committed (revoked sessions, a changed
/// status page); forgets it on rollback.
/// </summary>
internal sealed class SessionRevocationInterceptor(SessionRevocationCache cache, Application.Status.StatusPageCache statusCache) : DbTransactionInterceptor
{
    public override void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => Flush(eventData, committed: true);

    public override Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Flush(eventData, committed: true);
        return Task.CompletedTask;
    }

    public override void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) => Flush(eventData, committed: false);

    public override Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Flush(eventData, committed: false);
        return Task.CompletedTask;
    }

    public override void TransactionFailed(DbTransaction transaction, TransactionErrorEventData eventData) => Forget(eventData.Context);

    public override Task TransactionFailedAsync(DbTransaction transaction, TransactionErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Forget(eventData.Context);
        return Task.CompletedTask;
    }

    private void Flush(TransactionEndEventData eventData, bool committed)
    {
        if (eventData.Context is not PlatformDbContext db)
        {
            return;
        }

        if (committed && db.PendingRevocations.Count > 0)
        {
            cache.MarkRevoked(db.PendingRevocations);
        }

        if (committed && db.PendingStatusChange)
        {
            statusCache.Invalidate();
        }

        Forget(db);
    }

    private static void Forget(Microsoft.EntityFrameworkCore.DbContext? context)
    {
        if (context is PlatformDbContext db)
        {
            db.PendingRevocations.Clear();
            db.PendingStatusChange = false;
        }
    }
}
