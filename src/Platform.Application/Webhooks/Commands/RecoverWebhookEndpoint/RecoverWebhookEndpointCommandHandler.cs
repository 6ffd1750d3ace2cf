using MapsterMapper;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Platform.Application.Common.Errors;
using Platform.Application.Common.Interfaces;
using Platform.Domain.Webhooks;

namespace Platform.Application.Webhooks.Commands.RecoverWebhookEndpoint;

internal sealed class RecoverWebhookEndpointCommandHandler(IPlatformDbContext db, IWebhookEndpointLocks locks, TimeProvider timeProvider, IMapper mapper)
    : IRequestHandler<RecoverWebhookEndpointCommand, WebhookRecoveryDto>
{
    public async Task<WebhookRecoveryDto> Handle(RecoverWebhookEndpointCommand request, CancellationToken cancellationToken)
    {
        var endpoint = await locks.LockForChangeAsync(request.EndpointId, cancellationToken)
            ?? throw new NotFoundException(WebhookErrorCodes.EndpointNotFound, "No webhook endpoint has this id.");
        var now = timeProvider.GetUtcNowMicros();
        endpoint.Enable(now);

        // One statement in the command's transaction; the requeue trigger wakes every instance's workers on commit.
        var since = request.Since!.Value;
        var recovered = await db.WebhookMessages
            .Where(m => m.EndpointId == endpoint.Id && m.Status == WebhookMessageStatus.Failed && m.CreatedAt >= since)
            .ExecuteUpdateAsync(
                set => set
                    .SetProperty(m => m.Status, WebhookMessageStatus.Pending)
                    .SetProperty(m => m.RoundAttempts, 0)
                    .SetProperty(m => m.NextAttemptAt, now)
                    .SetProperty(m => m.FailedAt, (DateTimeOffset?)null)
                    .SetProperty(m => m.LockedUntil, (DateTimeOffset?)null),
                cancellationToken);
        return new WebhookRecoveryDto(mapper.Map<WebhookEndpointDto>(endpoint), recovered);
    }
}
