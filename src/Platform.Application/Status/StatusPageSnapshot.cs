using Platform.Domain.Status;

namespace Platform.Application.Status;

/// <summary>
/// Everything the public status reads show, computed at <see cref="GeneratedAt"/>: the JSON API, the
/// Statuspage-compatible documents, the Atom feed and the HTML page are all views of one snapshot.
/// </summary>
public sealed record StatusPageSnapshot(
    DateTimeOffset GeneratedAt,
    OverallStatus Overall,
    IReadOnlyList<StatusPageServiceDto> Services,
    IReadOnlyList<IncidentDto> ActiveIncidents,
    IReadOnlyList<IncidentDto> RecentIncidents,
    IReadOnlyList<MaintenanceDto> Maintenances)
{
    /// <summary>The latest change anything on the page shows (for Statuspage's <c>page.updated_at</c> and Atom's <c>updated</c>).</summary>
    public DateTimeOffset UpdatedAt =>
        Services.Select(s => s.Service.StatusChangedAt ?? s.Service.UpdatedAt)
            .Concat(ActiveIncidents.Concat(RecentIncidents).Select(i => i.UpdatedAt))
            .Concat(Maintenances.Select(m => m.UpdatedAt))
            .DefaultIfEmpty(DateTimeOffset.UnixEpoch)
            .Max();
}
