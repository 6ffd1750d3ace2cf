using MapsterMapper;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Platform.Application.Common.Interfaces;
using Platform.Application.Common.Paging;

namespace Platform.Application.Status.Queries.ListIncidents;

internal sealed class ListIncidentsQueryHandler(IPlatformDbContext db, CursorCodec cursors, IMapper mapper) : IRequestHandler<ListIncidentsQuery, Page<IncidentDto>>
{
    public async Task<Page<IncidentDto>> Handle(ListIncidentsQuery request, CancellationToken cancellationToken)
    {
        var incidents = db.Incidents.AsNoTracking();
        if (request.Unresolved is { } unresolved)
        {
            incidents = unresolved ? incidents.Where(i => i.ResolvedAt == null) : incidents.Where(i => i.ResolvedAt != null);
        }

        // Ids first (paged in SQL), then the incidents with their updates.
        var page = await incidents.ToPageAsync(request, Newest(request.Unresolved), cursors, cancellationToken);
        var ids = page.Items.Select(i => i.Id).ToList();
        var full = await db.Incidents.AsNoTracking().Include(i => i.Updates).Where(i => ids.Contains(i.Id)).ToDictionaryAsync(i => i.Id, cancellationToken);
        return page.Map(i => mapper.Map<IncidentDto>(full[i.Id]));
    }

    /// <summary>Only the keyset columns: the page's incidents are loaded with their updates afterwards.</summary>
    private static KeysetList<Domain.Status.Incident, IncidentRow> Newest(bool? unresolved) => new(
        $"status-incidents:{unresolved}",
        (q, p) => q.Where(i => i.CreatedAt < p.CreatedAt || (i.CreatedAt == p.CreatedAt && i.Id.CompareTo(p.Id) < 0)),
        q => q.OrderByDescending(i => i.CreatedAt).ThenByDescending(i => i.Id),
        q => q.Select(i => new IncidentRow(i.Id, i.CreatedAt)),
        row => new KeysetPosition(row.CreatedAt, row.Id));

    private sealed record IncidentRow(Guid Id, DateTimeOffset CreatedAt);
}
