using Microsoft.EntityFrameworkCore;
using Platform.Application.Status;
using Platform.Infrastructure.Persistence;

namespace Platform.Infrastructure.Status;

/// <summary>
/// Announces a status-page change with <c>NOTIFY</c> in the changing transaction (delivered to every instance only
/// when it commits); this instance drops its cached page right after the commit.
/// </summary>
internal sealed class PostgresStatusChangePublisher(PlatformDbContext db) : IStatusChangePublisher
{
    public const string Channel = "platform_status_changed";

    public async Task PublishAsync(CancellationToken cancellationToken)
    {
        if (db.Database.CurrentTransaction is null)
        {
            throw new InvalidOperationException("Status changes must be published inside the transaction that makes them.");
        }

        if (!db.PendingStatusChange)
        {
            await db.Database.ExecuteSqlAsync($"SELECT pg_notify({Channel}, '')", cancellationToken);
            db.PendingStatusChange = true;
        }
    }
}
