using MapsterMapper;
using MediatR;
using Microsoft.Extensions.Options;
using Platform.Application.Common.Errors;
using Platform.Application.Common.Interfaces;
using Platform.Domain.Webhooks;

namespace Platform.Application.Webhooks.Commands.RotateWebhookEndpointSecret;

internal sealed class RotateWebhookEndpointSecretCommandHandler(
    IWebhookEndpointLocks locks,
    IWebhookSecretProtector protector,
    IOptions<WebhookOptions> options,
    TimeProvider timeProvider,
    IMapper mapper) : IRequestHandler<RotateWebhookEndpointSecretCommand, WebhookEndpointWithSecretDto>
{
    public async Task<WebhookEndpointWithSecretDto> Handle(RotateWebhookEndpointSecretCommand request, CancellationToken cancellationToken)
    {
        var endpoint = await locks.LockForChangeAsync(request.EndpointId, cancellationToken)
            ?? throw new NotFoundException(WebhookErrorCodes.EndpointNotFound, "No webhook endpoint has this id.");
        var secret = WebhookSecret.Generate();
        endpoint.RotateSecret(protector.Seal(secret, endpoint.Id), options.Value.RotationGracePeriod, timeProvider.GetUtcNowMicros());
        return mapper.Map<WebhookEndpointWithSecretDto>(endpoint) with { Secret = secret.Value };
    }
}
