using Microsoft.EntityFrameworkCore;
using Platform.Application.Webhooks;
using Platform.Domain.Webhooks;
using Platform.Infrastructure.Persistence;

namespace Platform.Infrastructure.Webhooks;

/// <summary>Row locks on <c>webhook_endpoints</c>, taken in the command's own transaction.</summary>
internal sealed class PostgresWebhookEndpointLocks(PlatformDbContext db) : IWebhookEndpointLocks
{
    public async Task<WebhookEndpoint?> LockForChangeAsync(Guid id, CancellationToken cancellationToken) =>
        await db.WebhookEndpoints
            .FromSql($"SELECT * FROM webhook_endpoints WHERE id = {id} FOR UPDATE")
            .LockedRowAsync(cancellationToken);

    public async Task<WebhookMessage?> LockMessageForChangeAsync(Guid messageId, CancellationToken cancellationToken) =>
        await db.WebhookMessages
            .FromSql($"SELECT * FROM webhook_messages WHERE id = {messageId} FOR UPDATE")
            .LockedRowAsync(cancellationToken);
}
