using Microsoft.EntityFrameworkCore;
using Platform.Application.Common.Inbound;
using Platform.Domain.Inbound;
using Platform.Infrastructure.Persistence;

namespace Platform.Infrastructure.Inbound;

/// <summary>The inbox's insert-unless-present and row lock, in the command's own transaction.</summary>
internal sealed class PostgresInboundEventStore(PlatformDbContext db) : IInboundEventStore
{
    public async Task<Guid?> TryInsertAsync(
        Guid id, string source, string eventId, string type, string? contentType, string payload, DateTimeOffset receivedAt, CancellationToken cancellationToken)
    {
        // ON CONFLICT DO NOTHING waits for a concurrent insert of the same event to commit or roll back, so two
        // deliveries racing each other store one row and both learn which.
        var inserted = await db.Database.ExecuteSqlAsync(
            $"""
            INSERT INTO inbound_events (id, source, event_id, type, content_type, payload, received_at, attempts)
            VALUES ({id}, {source}, {eventId}, {type}, {contentType}, {payload}, {receivedAt}, 0)
            ON CONFLICT (source, event_id) DO NOTHING
            """,
            cancellationToken);
        return inserted == 1 ? id : null;
    }

    public async Task<InboundEvent?> LockAsync(Guid id, CancellationToken cancellationToken) =>
        await db.InboundEvents
            .FromSql($"SELECT * FROM inbound_events WHERE id = {id} FOR UPDATE")
            .FirstOrDefaultAsync(cancellationToken);
}
