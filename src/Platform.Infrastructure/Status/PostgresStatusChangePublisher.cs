using Microsoft.EntityFrameworkCore;
using Platform.Application.Common.UnitOfWork;
using Platform.Application.Status;
using Platform.Infrastructure.Persistence;

namespace Platform.Infrastructure.Status;

/// <summary>
/// Announces a status-page change with <c>NOTIFY</c> in the changing transaction (delivered to every instance only
/// when it commits, and folded into one by PostgreSQL however often it is sent); this instance drops its cached page
/// in an after-commit action. Each attempt of a retried command announces again.
/// </summary>
internal sealed class PostgresStatusChangePublisher(PlatformDbContext db, IUnitOfWork unitOfWork, StatusPageCache cache) : IStatusChangePublisher
{
    public const string Channel = "platform_status_changed";

    public async Task PublishAsync(CancellationToken cancellationToken)
    {
        if (db.Database.CurrentTransaction is null)
        {
            throw new InvalidOperationException("Status changes must be published inside the transaction that makes them.");
        }

        await db.Database.ExecuteSqlAsync($"SELECT pg_notify({Channel}, '')", cancellationToken);
        unitOfWork.AfterCommit(cache.Invalidate);
    }
}
