using MapsterMapper;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Platform.Application.Common.Errors;
using Platform.Application.Common.Interfaces;
using Platform.Application.Webhooks.Delivery;
using Platform.Domain.Webhooks;

namespace Platform.Application.Webhooks.Commands.SendWebhookTestMessage;

internal sealed class SendWebhookTestMessageCommandHandler(IPlatformDbContext db, TimeProvider timeProvider, IMapper mapper)
    : IRequestHandler<SendWebhookTestMessageCommand, WebhookMessageDto>
{
    public async Task<WebhookMessageDto> Handle(SendWebhookTestMessageCommand request, CancellationToken cancellationToken)
    {
        var enabled = await db.WebhookEndpoints.AsNoTracking()
            .Where(e => e.Id == request.EndpointId)
            .Select(e => (bool?)e.Enabled)
            .FirstOrDefaultAsync(cancellationToken)
            ?? throw new NotFoundException(WebhookErrorCodes.EndpointNotFound, "No webhook endpoint has this id.");
        if (!enabled)
        {
            throw new ConflictException(WebhookErrorCodes.EndpointDisabled, "The endpoint is disabled: enable it (PATCH) or recover it first.");
        }

        var now = timeProvider.GetUtcNowMicros();
        var body = WebhookMessageBodies.Build(WebhookEventTypes.Test, now, new WebhookTestDataDto(request.EndpointId, "This is a test message from Platform."));
        var message = WebhookMessage.Create(request.EndpointId, null, WebhookEventTypes.Test, body, now);
        db.WebhookMessages.Add(message);
        return mapper.Map<WebhookMessageDto>(message);
    }
}
