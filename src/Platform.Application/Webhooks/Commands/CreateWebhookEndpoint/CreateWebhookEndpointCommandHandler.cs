using MapsterMapper;
using MediatR;
using Platform.Application.Common.Interfaces;
using Platform.Domain.Webhooks;

namespace Platform.Application.Webhooks.Commands.CreateWebhookEndpoint;

internal sealed class CreateWebhookEndpointCommandHandler(IPlatformDbContext db, WebhookUrls urls, IWebhookSecretProtector protector, TimeProvider timeProvider, IMapper mapper)
    : IRequestHandler<CreateWebhookEndpointCommand, WebhookEndpointWithSecretDto>
{
    public async Task<WebhookEndpointWithSecretDto> Handle(CreateWebhookEndpointCommand request, CancellationToken cancellationToken)
    {
        var url = await urls.CheckAsync(request.Url, cancellationToken);
        var secret = WebhookSecret.Generate();
        var endpoint = WebhookEndpoint.Create(
            url,
            request.Description ?? string.Empty,
            request.EventTypes,
            request.Enabled ?? true,
            id => protector.Seal(secret, id),
            timeProvider.GetUtcNowMicros());
        db.WebhookEndpoints.Add(endpoint);
        return mapper.Map<WebhookEndpointWithSecretDto>(endpoint) with { Secret = secret.Value };
    }
}
