using Microsoft.EntityFrameworkCore;
using Platform.Application.Status;
using Platform.Domain.Status;
using Platform.Infrastructure.Persistence;

namespace Platform.Infrastructure.Status;

/// <summary>Row locks on <c>status_incidents</c>, taken in the command's own transaction.</summary>
internal sealed class PostgresIncidentLocks(PlatformDbContext db) : IIncidentLocks
{
    public async Task<Incident?> LockForUpdateAsync(Guid id, CancellationToken cancellationToken) =>
        await db.Incidents
            .FromSql($"SELECT * FROM status_incidents WHERE id = {id} FOR UPDATE")
            .Include(i => i.Updates)
            .LockedRowAsync(cancellationToken);
}
