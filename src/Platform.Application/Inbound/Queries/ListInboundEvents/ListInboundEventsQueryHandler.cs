using MapsterMapper;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Platform.Application.Common.Interfaces;
using Platform.Application.Common.Mapping;
using Platform.Application.Common.Paging;
using Platform.Domain.Inbound;

namespace Platform.Application.Inbound.Queries.ListInboundEvents;

internal sealed class ListInboundEventsQueryHandler(IPlatformDbContext db, CursorCodec cursors, IMapper mapper)
    : IRequestHandler<ListInboundEventsQuery, Page<InboundEventDto>>
{
    public async Task<Page<InboundEventDto>> Handle(ListInboundEventsQuery request, CancellationToken cancellationToken)
    {
        var query = db.InboundEvents.AsNoTracking();
        if (request.Source is not null)
        {
            query = query.Where(e => e.Source == request.Source);
        }

        if (request.Type is not null)
        {
            query = query.Where(e => e.Type == request.Type);
        }

        query = request.Status is null ? query : InboundStatuses.ByName[request.Status] switch
        {
            InboundEventStatus.Processed => query.Where(e => e.ProcessedAt != null),
            InboundEventStatus.Failed => query.Where(e => e.ProcessedAt == null && e.Error != null),
            _ => query.Where(e => e.ProcessedAt == null && e.Error == null),
        };

        // Newest first (ix_inbound_events_received); ids are UUIDv7, so they break ties in the same order. The cursor
        // is bound to the filters.
        var list = KeysetLists.NewestFirst<InboundEvent, InboundEventDto>(
            $"inbound-events:{request.Source}:{request.Type}:{request.Status}",
            e => e.ReceivedAt,
            q => q.ProjectToDto<InboundEventDto>(mapper.Config),
            e => new KeysetPosition(e.ReceivedAt, e.Id));
        return await query.ToKeysetPageAsync(request.PageSize, request.Cursor, list, cursors, cancellationToken);
    }
}
