using Microsoft.EntityFrameworkCore;
using Platform.Application.Common.Inbound;
using Platform.Domain.Inbound;
using Platform.Infrastructure.Persistence;

namespace Platform.Infrastructure.Inbound;

/// <summary>The inbox's insert-unless-present and row lock, in the command's own transaction.</summary>
internal sealed class PostgresInboundEventStore(PlatformDbContext db) : IInboundEventStore
{
    public async Task<bool> TryInsertAsync(InboundEvent inbound, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(inbound);
        // ON CONFLICT DO NOTHING waits for a concurrent insert of the same event to commit or roll back, so two
        // deliveries racing each other store one row and both learn which.
        var inserted = await db.Database.ExecuteSqlAsync(
            $"""
            INSERT INTO inbound_events (id, source, event_id, type, content_type, payload, received_at, attempts)
            VALUES ({inbound.Id}, {inbound.Source}, {inbound.EventId}, {inbound.Type}, {inbound.ContentType}, {inbound.Payload}, {inbound.ReceivedAt}, 0)
            ON CONFLICT (source, event_id) DO NOTHING
            """,
            cancellationToken);
        return inserted == 1;
    }

    public async Task<InboundEvent?> LockAsync(Guid id, CancellationToken cancellationToken) =>
        await db.InboundEvents
            .FromSql($"SELECT * FROM inbound_events WHERE id = {id} FOR UPDATE")
            .LockedRowAsync(cancellationToken);
}
