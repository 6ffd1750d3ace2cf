using Platform.Domain.Webhooks;

namespace Platform.Application.Webhooks;

/// <summary>Row locks on webhook endpoints, held until the caller's transaction ends; the endpoint comes back tracked.</summary>
public interface IWebhookEndpointLocks
{
    /// <summary>Locks one endpoint for an edit, a rotation or a delete (FOR UPDATE), or returns null when it does not exist.</summary>
    Task<WebhookEndpoint?> LockForChangeAsync(Guid id, CancellationToken cancellationToken);

    /// <summary>Locks one message for an admin's change (FOR UPDATE: a delivery worker's claim skips it meanwhile), or returns null.</summary>
    Task<WebhookMessage?> LockMessageForChangeAsync(Guid messageId, CancellationToken cancellationToken);
}
