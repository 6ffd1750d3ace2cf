using Microsoft.EntityFrameworkCore;
using Platform.Application.Common.Outbox;
using Platform.Infrastructure.Persistence;

namespace Platform.Infrastructure.Outbox;

/// <summary>Batched deletes of processed outbox messages, on the request's connection (and transaction, if open).</summary>
internal sealed class PostgresProcessedOutboxMessages(PlatformDbContext db) : IProcessedOutboxMessages
{
    public Task<int> DeleteBatchAsync(DateTimeOffset processedBefore, int batchSize, CancellationToken cancellationToken)
    {
        var ids = db.OutboxMessages
            .Where(m => m.Status == OutboxStatus.Processed && m.ProcessedAt < processedBefore)
            .OrderBy(m => m.ProcessedAt)
            .Select(m => m.Id)
            .Take(batchSize);
        return db.OutboxMessages.Where(m => ids.Contains(m.Id)).ExecuteDeleteAsync(cancellationToken);
    }
}
