using Microsoft.EntityFrameworkCore;
using Platform.Application.Common.Interfaces;
using Platform.Application.Common.UnitOfWork;
using Platform.Infrastructure.Persistence;

namespace Platform.Infrastructure.Sessions;

/// <summary>
/// Announces revocations with PostgreSQL <c>NOTIFY</c> on the command's own connection and transaction: PostgreSQL
/// delivers the notification to every listening instance only if, and when, the transaction commits. This instance
/// marks the sessions itself in an after-commit action, so the revoke call has taken effect here before its response
/// is sent; a retried attempt sends its own notification and registers its own action.
/// </summary>
internal sealed class PostgresSessionRevocationPublisher(PlatformDbContext db, IUnitOfWork unitOfWork, SessionRevocationCache cache) : ISessionRevocationPublisher
{
    public const string Channel = "platform_session_revoked";

    /// <summary>Ids per notification: 36 characters and a comma each stay well under PostgreSQL's 8000-byte payload limit.</summary>
    private const int IdsPerNotification = 150;

    public async Task PublishAsync(IReadOnlyCollection<Guid> sessionIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(sessionIds);
        if (db.Database.CurrentTransaction is null)
        {
            throw new InvalidOperationException("Session revocations must be published inside the transaction that revokes them.");
        }

        if (sessionIds.Count == 0)
        {
            return;
        }

        foreach (var chunk in sessionIds.Chunk(IdsPerNotification))
        {
            var payload = string.Join(',', chunk);
            await db.Database.ExecuteSqlAsync($"SELECT pg_notify({Channel}, {payload})", cancellationToken);
        }

        Guid[] revoked = [.. sessionIds];
        unitOfWork.AfterCommit(() => cache.MarkRevoked(revoked));
    }
}
