using MapsterMapper;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Platform.Application.Common.Errors;
using Platform.Application.Common.Interfaces;
using Platform.Application.Common.Mapping;
using Platform.Domain.Webhooks;

namespace Platform.Application.Webhooks.Queries.GetWebhookMessage;

internal sealed class GetWebhookMessageQueryHandler(IPlatformDbContext db, IMapper mapper) : IRequestHandler<GetWebhookMessageQuery, WebhookMessageDto>
{
    public async Task<WebhookMessageDto> Handle(GetWebhookMessageQuery request, CancellationToken cancellationToken) =>
        await db.WebhookMessages.AsNoTracking()
            .Where(m => m.Id == request.MessageId)
            .ProjectToDto<WebhookMessageDto>(mapper.Config)
            .FirstOrDefaultAsync(cancellationToken)
        ?? throw new NotFoundException(WebhookErrorCodes.MessageNotFound, "No webhook message has this id.");
}
