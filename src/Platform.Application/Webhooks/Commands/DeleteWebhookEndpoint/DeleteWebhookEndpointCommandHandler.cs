using MediatR;
using Platform.Application.Common.Errors;
using Platform.Application.Common.Interfaces;
using Platform.Domain.Webhooks;

namespace Platform.Application.Webhooks.Commands.DeleteWebhookEndpoint;

internal sealed class DeleteWebhookEndpointCommandHandler(IPlatformDbContext db, IWebhookEndpointLocks locks) : IRequestHandler<DeleteWebhookEndpointCommand, bool>
{
    public async Task<bool> Handle(DeleteWebhookEndpointCommand request, CancellationToken cancellationToken)
    {
        var endpoint = await locks.LockForChangeAsync(request.EndpointId, cancellationToken)
            ?? throw new NotFoundException(WebhookErrorCodes.EndpointNotFound, "No webhook endpoint has this id.");
        db.WebhookEndpoints.Remove(endpoint);
        return true;
    }
}
