using MapsterMapper;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Platform.Application.Common.Errors;
using Platform.Application.Common.Interfaces;
using Platform.Domain.Webhooks;

namespace Platform.Application.Webhooks.Commands.RedeliverWebhookMessage;

internal sealed class RedeliverWebhookMessageCommandHandler(IPlatformDbContext db, IWebhookEndpointLocks locks, TimeProvider timeProvider, IMapper mapper)
    : IRequestHandler<RedeliverWebhookMessageCommand, WebhookMessageDto>
{
    public async Task<WebhookMessageDto> Handle(RedeliverWebhookMessageCommand request, CancellationToken cancellationToken)
    {
        // Locked, so a worker cannot claim it between the in-flight check and the commit (claims skip locked rows).
        var message = await locks.LockMessageForChangeAsync(request.MessageId, cancellationToken)
            ?? throw new NotFoundException(WebhookErrorCodes.MessageNotFound, "No webhook message has this id.");
        var enabled = await db.WebhookEndpoints.AsNoTracking().Where(e => e.Id == message.EndpointId).Select(e => e.Enabled).FirstAsync(cancellationToken);
        if (!enabled)
        {
            throw new ConflictException(WebhookErrorCodes.EndpointDisabled, "The message's endpoint is disabled: recover it (POST .../recover), which also sends what it missed.");
        }

        message.Redeliver(timeProvider.GetUtcNowMicros());
        return mapper.Map<WebhookMessageDto>(message);
    }
}
