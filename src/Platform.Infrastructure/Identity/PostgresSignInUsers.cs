using Microsoft.EntityFrameworkCore;
using Platform.Application.Identity;
using Platform.Domain.Identity;
using Platform.Infrastructure.Persistence;

namespace Platform.Infrastructure.Identity;

/// <summary>Reads the user with <c>FOR SHARE</c>, in the sign-in's transaction.</summary>
internal sealed class PostgresSignInUsers(PlatformDbContext db) : ISignInUsers
{
    public async Task<User?> FindHoldingChangesAsync(Guid userId, CancellationToken cancellationToken) =>
        await db.Users
            .FromSql($"SELECT * FROM users WHERE id = {userId} FOR SHARE")
            .AsNoTracking()
            .LockedRowAsync(cancellationToken);
}
