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
        var list = new KeysetList<WebhookEndpoint, WebhookEndpointDto>(
            "webhook-endpoints",
            (q, p) => q.Where(e => e.CreatedAt < p.CreatedAt || (e.CreatedAt == p.CreatedAt && e.Id.CompareTo(p.Id) < 0)),
            q => q.OrderByDescending(e => e.CreatedAt).ThenByDescending(e => e.Id),
            q => q.ProjectToDto<WebhookEndpointDto>(mapper.Config),
            e => new KeysetPosition(e.CreatedAt, e.Id));
        return await db.WebhookEndpoints.AsNoTracking().ToKeysetPageAsync(
            request.PageSize,
            request.Cursor is null ? null : cursors.Decode(request.Cursor, list.CursorScope),
            list,
            cursors,
            cancellationToken);
    }
}
