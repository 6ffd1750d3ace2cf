using MapsterMapper;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Platform.Application.Common.Interfaces;
using Platform.Application.Common.Mapping;
using Platform.Application.Common.Paging;
using Platform.Domain.Webhooks;

namespace Platform.Application.Webhooks.Queries.ListWebhookEndpoints;

internal sealed class ListWebhookEndpointsQueryHandler(IPlatformDbContext db, CursorCodec cursors, IMapper mapper)
    : IRequestHandler<ListWebhookEndpointsQuery, Page<WebhookEndpointDto>>
{
    public async Task<Page<WebhookEndpointDto>> Handle(ListWebhookEndpointsQuery request, CancellationToken cancellationToken)
    {
        // Newest first (ix_webhook_endpoints_created), projected in SQL: the sealed secrets are never read.
        var list = KeysetLists.NewestFirst<WebhookEndpoint, WebhookEndpointDto>(
            "webhook-endpoints",
            e => e.CreatedAt,
            q => q.ProjectToDto<WebhookEndpointDto>(mapper.Config),
            e => new KeysetPosition(e.CreatedAt, e.Id));
        return await db.WebhookEndpoints.AsNoTracking().ToKeysetPageAsync(request.PageSize, request.Cursor, list, cursors, cancellationToken);
    }
}
