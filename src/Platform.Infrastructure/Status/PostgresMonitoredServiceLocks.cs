using Microsoft.EntityFrameworkCore;
using Platform.Application.Status;
using Platform.Domain.Status;
using Platform.Infrastructure.Persistence;

namespace Platform.Infrastructure.Status;

/// <summary>Row locks on <c>status_services</c>, taken in the command's own transaction.</summary>
internal sealed class PostgresMonitoredServiceLocks(PlatformDbContext db) : IMonitoredServiceLocks
{
    public async Task<IReadOnlyList<MonitoredService>> LockForStatusChangeAsync(IReadOnlyCollection<Guid> ids, CancellationToken cancellationToken)
    {
        // In id order, so two writers locking overlapping sets cannot deadlock.
        var sorted = ids.Distinct().Order().ToArray();
        if (sorted.Length == 0)
        {
            return [];
        }

        return await db.MonitoredServices
            .FromSql($"SELECT * FROM status_services WHERE id = ANY({sorted}) ORDER BY id FOR NO KEY UPDATE")
            .ToListAsync(cancellationToken);
    }

    public async Task<MonitoredService?> LockForChangeAsync(Guid id, CancellationToken cancellationToken) =>
        await db.MonitoredServices
            .FromSql($"SELECT * FROM status_services WHERE id = {id} FOR UPDATE")
            .LockedRowAsync(cancellationToken);
}
