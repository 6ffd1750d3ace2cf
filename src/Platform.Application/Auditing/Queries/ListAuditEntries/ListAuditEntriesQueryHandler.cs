using System.Text.Json;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Platform.Application.Common.Auditing;
using Platform.Application.Common.Interfaces;
using Platform.Application.Common.Paging;

namespace Platform.Application.Auditing.Queries.ListAuditEntries;

internal sealed class ListAuditEntriesQueryHandler(IPlatformDbContext db, CursorCodec cursors)
    : IRequestHandler<ListAuditEntriesQuery, Page<AuditEntryDto>>
{
    /// <summary>The audit log newest first; stored rows are mapped to DTOs after the query.</summary>
    private static readonly KeysetList<AuditEntry, AuditEntry> Newest = new(
        "audit",
        (q, p) => q.Where(a => a.OccurredAt < p.CreatedAt || (a.OccurredAt == p.CreatedAt && a.Id.CompareTo(p.Id) < 0)),
        q => q.OrderByDescending(a => a.OccurredAt).ThenByDescending(a => a.Id),
        a => a,
        a => new KeysetPosition(a.OccurredAt, a.Id));

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

        var page = await query.ToKeysetPageAsync(
            request.PageSize,
            request.Cursor is null ? null : cursors.Decode(request.Cursor, Newest.CursorScope),
            Newest,
            cursors,
            cancellationToken);

        // The stored changes are JSON text; they are parsed after the query, since EF cannot translate JsonElement.
        return page.Map(a => new AuditEntryDto(
            a.Id, a.OccurredAt, a.ActorId, a.ActorIp, a.Action, a.ResourceType, a.ResourceId, a.Outcome, a.RequestId, a.TraceId,
            ParseChanges(a.Changes)));
    }

    private static JsonElement ParseChanges(string json)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.Clone();
    }
}
