using MapsterMapper;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Platform.Application.Common.Errors;
using Platform.Application.Common.Interfaces;
using Platform.Application.Common.Mapping;
using Platform.Application.Common.Paging;
using Platform.Domain.Webhooks;

namespace Platform.Application.Webhooks.Queries.ListWebhookMessages;

internal sealed class ListWebhookMessagesQueryHandler(IPlatformDbContext db, CursorCodec cursors, IMapper mapper)
    : IRequestHandler<ListWebhookMessagesQuery, Page<WebhookMessageDto>>
{
    public async Task<Page<WebhookMessageDto>> Handle(ListWebhookMessagesQuery request, CancellationToken cancellationToken)
    {
        if (!await db.WebhookEndpoints.AnyAsync(e => e.Id == request.EndpointId, cancellationToken))
        {
            throw new NotFoundException(WebhookErrorCodes.EndpointNotFound, "No webhook endpoint has this id.");
        }

        var query = db.WebhookMessages.AsNoTracking().Where(m => m.EndpointId == request.EndpointId);
        if (StatusOf(request.Status) is { } status)
        {
            query = query.Where(m => m.Status == status);
        }

        // Newest first; ids are UUIDv7, so (created_at, id) is the order of ix_webhook_messages_endpoint.
        var list = KeysetLists.NewestFirst<WebhookMessage, WebhookMessageDto>(
            $"webhook-messages:{request.EndpointId:N}:{request.Status}",
            m => m.CreatedAt,
            q => q.ProjectToDto<WebhookMessageDto>(mapper.Config),
            m => new KeysetPosition(m.CreatedAt, m.Id));
        return await query.ToKeysetPageAsync(request.PageSize, request.Cursor, list, cursors, cancellationToken);
    }

    public static WebhookMessageStatus? StatusOf(string? status) => status switch
    {
        "pending" => WebhookMessageStatus.Pending,
        "delivered" => WebhookMessageStatus.Delivered,
        "failed" => WebhookMessageStatus.Failed,
        _ => null,
    };
}
