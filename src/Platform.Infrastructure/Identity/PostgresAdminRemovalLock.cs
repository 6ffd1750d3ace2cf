using Microsoft.EntityFrameworkCore;
using Platform.Application.Identity;
using Platform.Infrastructure.Persistence;

namespace Platform.Infrastructure.Identity;

/// <summary>A transaction-scoped PostgreSQL advisory lock on the key <c>users.admins</c>, in the command's transaction.</summary>
internal sealed class PostgresAdminRemovalLock(PlatformDbContext db) : IAdminRemovalLock
{
    public async Task AcquireAsync(CancellationToken cancellationToken) =>
        await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock(hashtextextended('users.admins', 0))", cancellationToken);
}
