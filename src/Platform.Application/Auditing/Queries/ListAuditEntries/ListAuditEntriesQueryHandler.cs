using Platform.Application.Common.Mapping;
using MapsterMapper;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Platform.Application.Common.Auditing;
using Platform.Application.Common.Interfaces;
using Platform.Application.Common.Paging;

namespace Platform.Application.Auditing.Queries.ListAuditEntries;

internal sealed class ListAuditEntriesQueryHandler(IPlatformDbContext db, CursorCodec cursors, IMapper mapper)
    : IRequestHandler<ListAuditEntriesQuery, Page<AuditEntryDto>>
{
    /// <summary>The audit log newest first.</summary>
    private readonly KeysetList<AuditEntry, AuditEntryDto> newest = new(
        "audit",
        (q, p) => q.Where(a => a.OccurredAt < p.CreatedAt || (a.OccurredAt == p.CreatedAt && a.Id.CompareTo(p.Id) < 0)),
        q => q.OrderByDescending(a => a.OccurredAt).ThenByDescending(a => a.Id),
        q => q.ProjectToDto<AuditEntryDto>(mapper.Config),
        dto => new KeysetPosition(dto.OccurredAt, dto.Id));

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

        return await query.ToKeysetPageAsync(
            request.PageSize,
            request.Cursor is null ? null : cursors.Decode(request.Cursor, newest.CursorScope),
            newest,
            cursors,
            cancellationToken);
    }
}
