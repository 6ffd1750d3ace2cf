using MapsterMapper;
using MediatR;
using Platform.Application.Common.Auditing;
using Platform.Application.Common.Interfaces;
using Platform.Application.Common.Outbox;

namespace Platform.Application.Webhooks.Commands.DisableWebhookEndpoint;

internal sealed class DisableWebhookEndpointCommandHandler(
    IPlatformDbContext db,
    IWebhookEndpointLocks locks,
    ICurrentUser currentUser,
    IRequestContext requestContext,
    TimeProvider timeProvider,
    IMapper mapper) : IRequestHandler<DisableWebhookEndpointCommand, bool>
{
    public async Task<bool> Handle(DisableWebhookEndpointCommand request, CancellationToken cancellationToken)
    {
        var endpoint = await locks.LockForChangeAsync(request.EndpointId, cancellationToken);
        if (endpoint is not { Enabled: true })
        {
            return false;
        }

        var now = timeProvider.GetUtcNowMicros();
        endpoint.Disable(request.Reason, now);
        AuditLog.Add(db, currentUser, requestContext, now, "webhooks.endpoints.disable", "webhook_endpoint", endpoint.Id, AuditOutcome.Succeeded, new { request.Reason, request.Detail });
        db.AddIntegrationEvent(IntegrationEventTypes.WebhooksEndpointDisabled, mapper.Map<WebhookEndpointDto>(endpoint), now, now);
        return true;
    }
}
