using MapsterMapper;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Platform.Application.Common.Errors;
using Platform.Application.Common.Interfaces;
using Platform.Application.Common.Mapping;
using Platform.Application.Common.Messaging;
using Platform.Domain.Webhooks;

namespace Platform.Application.Webhooks.Queries.ListWebhookAttempts;

internal sealed class ListWebhookAttemptsQueryHandler(IPlatformDbContext db, IMapper mapper)
    : IRequestHandler<ListWebhookAttemptsQuery, ItemsDto<WebhookAttemptDto>>
{
    private const int MaxAttempts = 500;

    public async Task<ItemsDto<WebhookAttemptDto>> Handle(ListWebhookAttemptsQuery request, CancellationToken cancellationToken)
    {
        if (!await db.WebhookMessages.AnyAsync(m => m.Id == request.MessageId, cancellationToken))
        {
            throw new NotFoundException(WebhookErrorCodes.MessageNotFound, "No webhook message has this id.");
        }

        var newest = await db.WebhookAttempts.AsNoTracking()
            .Where(a => a.MessageId == request.MessageId)
            .OrderByDescending(a => a.AttemptedAt).ThenByDescending(a => a.Id)
            .Take(MaxAttempts)
            .ProjectToDto<WebhookAttemptDto>(mapper.Config)
            .ToListAsync(cancellationToken);
        newest.Reverse();
        return new ItemsDto<WebhookAttemptDto>(newest);
    }
}
