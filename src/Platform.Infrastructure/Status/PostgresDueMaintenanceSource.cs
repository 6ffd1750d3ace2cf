using Microsoft.EntityFrameworkCore;
using Platform.Application.Status;
using Platform.Domain.Status;
using Platform.Infrastructure.Persistence;

namespace Platform.Infrastructure.Status;

/// <summary>Claims due maintenances with <c>FOR UPDATE SKIP LOCKED</c>, in the command's own transaction.</summary>
internal sealed class PostgresDueMaintenanceSource(PlatformDbContext db) : IDueMaintenanceSource
{
    public async Task<IReadOnlyList<ScheduledMaintenance>> ClaimDueAsync(DateTimeOffset now, int batchSize, CancellationToken cancellationToken) =>
        await db.Maintenances
            .FromSql(
                $"""
                SELECT * FROM status_maintenances
                WHERE (status = 'scheduled' AND starts_at <= {now}) OR (status = 'in_progress' AND ends_at <= {now})
                ORDER BY starts_at, id
                LIMIT {batchSize}
                FOR UPDATE SKIP LOCKED
                """)
            .ToListAsync(cancellationToken);
}
