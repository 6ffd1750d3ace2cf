using MapsterMapper;
using MediatR;
using Platform.Application.Common.Errors;
using Platform.Application.Common.Interfaces;
using Platform.Domain.Webhooks;

namespace Platform.Application.Webhooks.Commands.UpdateWebhookEndpoint;

internal sealed class UpdateWebhookEndpointCommandHandler(IWebhookEndpointLocks locks, WebhookUrls urls, TimeProvider timeProvider, IMapper mapper)
    : IRequestHandler<UpdateWebhookEndpointCommand, WebhookEndpointDto>
{
    public async Task<WebhookEndpointDto> Handle(UpdateWebhookEndpointCommand request, CancellationToken cancellationToken)
    {
        // Where the new host leads is asked before the row is locked, so no lock waits on a name server.
        Uri? url = request.Url.HasValue ? await urls.CheckAsync(request.Url.Value!, cancellationToken) : null;

        var endpoint = await locks.LockForChangeAsync(request.EndpointId, cancellationToken)
            ?? throw new NotFoundException(WebhookErrorCodes.EndpointNotFound, "No webhook endpoint has this id.");
        if (request.AcceptedVersions is { } accepted && !accepted.Contains(endpoint.Version))
        {
            throw new PreconditionFailedException();
        }

        endpoint.Update(
            url,
            request.Description.HasValue ? request.Description.Value : null,
            request.EventTypes.HasValue ? request.EventTypes.Value : null,
            request.Enabled.HasValue ? request.Enabled.Value : null,
            timeProvider.GetUtcNowMicros());
        return mapper.Map<WebhookEndpointDto>(endpoint);
    }
}
