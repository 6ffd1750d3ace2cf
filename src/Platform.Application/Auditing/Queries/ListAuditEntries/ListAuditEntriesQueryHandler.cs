using System.Text.Json;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Platform.Application.Common.Interfaces;
using Platform.Application.Common.Paging;

namespace Platform.Application.Auditing.Queries.ListAuditEntries;

internal sealed class ListAuditEntriesQueryHandler(IPlatformDbContext db, CursorCodec cursors)
    : IRequestHandler<ListAuditEntriesQuery, Page<AuditEntryDto>>
{
    public async Task<Page<AuditEntryDto>> Handle(ListAuditEntriesQuery request, CancellationToken cancellationToken)
    {
        var query = db.AuditEntries.AsNoTracking();
        if (request.ActorId is { } actorId)
        {
            query = query.Where(a => a.ActorId == actorId);
        }

        if (request.Action is not null)
        {
            query = query.Where(a => a.Action == request.Action);
        }

        if (request.ResourceType is not null)
        {
            query = query.Where(a => a.ResourceType == request.ResourceType);
        }

        if (request.ResourceId is { } resourceId)
        {
            query = query.Where(a => a.ResourceId == resourceId);
        }

        if (request.From is { } from)
        {
            query = query.Where(a => a.OccurredAt >= from);
        }

        if (request.To is { } to)
        {
            query = query.Where(a => a.OccurredAt < to);
        }

        if (request.Cursor is not null)
        {
            var p = cursors.Decode(request.Cursor, "audit");
            query = query.Where(a => a.OccurredAt < p.CreatedAt || (a.OccurredAt == p.CreatedAt && a.Id.CompareTo(p.Id) < 0));
        }

        var rows = await query.OrderByDescending(a => a.OccurredAt).ThenByDescending(a => a.Id)
            .Take(request.PageSize + 1)
            .ToListAsync(cancellationToken);
        var hasMore = rows.Count > request.PageSize;
        var items = rows.Take(request.PageSize)
            .Select(a => new AuditEntryDto(
                a.Id, a.OccurredAt, a.ActorId, a.ActorIp, a.Action, a.ResourceType, a.ResourceId, a.Outcome, a.RequestId, a.TraceId,
                JsonDocument.Parse(a.Changes).RootElement.Clone()))
            .ToList();
        var next = hasMore ? cursors.Encode(new KeysetPosition(items[^1].OccurredAt, items[^1].Id), "audit") : null;
        return Page<AuditEntryDto>.Keyset(items, request.PageSize, next);
    }
}
