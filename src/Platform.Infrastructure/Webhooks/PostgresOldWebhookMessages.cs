using Microsoft.EntityFrameworkCore;
using Platform.Application.Housekeeping;
using Platform.Domain.Webhooks;
using Platform.Infrastructure.Persistence;

namespace Platform.Infrastructure.Webhooks;

/// <summary>Batched deletes of old delivered and failed webhook messages (attempts cascade), in the command's transaction.</summary>
internal sealed class PostgresOldWebhookMessages(PlatformDbContext db) : IOldWebhookMessages
{
    public Task<int> DeleteBatchAsync(DateTimeOffset deliveredBefore, DateTimeOffset failedBefore, int batchSize, CancellationToken cancellationToken)
    {
        var ids = db.WebhookMessages
            .Where(m => (m.Status == WebhookMessageStatus.Delivered && m.DeliveredAt < deliveredBefore)
                || (m.Status == WebhookMessageStatus.Failed && m.FailedAt < failedBefore))
            .OrderBy(m => m.CreatedAt)
            .Select(m => m.Id)
            .Take(batchSize);
        return db.WebhookMessages.Where(m => ids.Contains(m.Id)).ExecuteDeleteAsync(cancellationToken);
    }
}
