using Platform.Application.Common.Messaging;
using Platform.Domain.Status;

namespace Platform.Application.Status;

/// <summary>A service with its current status (its latest event's, operational when it has none). Mapped in <see cref="StatusMapping"/>.</summary>
public sealed record StatusServiceDto(
    Guid Id,
    string Slug,
    string Name,
    string Description,
    string? Group,
    int DisplayOrder,
    ServiceStatus Status,
    DateTimeOffset? StatusChangedAt,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    int Version) : IHasId;

public sealed record StatusEventDto(Guid Id, Guid ServiceId, ServiceStatus Status, string Message, DateTimeOffset OccurredAt, DateTimeOffset CreatedAt) : IHasId;

public sealed record IncidentUpdateDto(Guid Id, IncidentStatus Status, string Message, ServiceStatus? ServiceStatus, DateTimeOffset CreatedAt);

public sealed record IncidentDto(
    Guid Id,
    string Title,
    IncidentStatus Status,
    IncidentImpact Impact,
    IReadOnlyList<Guid> AffectedServiceIds,
    IReadOnlyList<IncidentUpdateDto> Updates,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    DateTimeOffset? ResolvedAt,
    int Version) : IHasId;

public sealed record MaintenanceDto(
    Guid Id,
    string Title,
    string Description,
    DateTimeOffset StartsAt,
    DateTimeOffset EndsAt,
    IReadOnlyList<Guid> AffectedServiceIds,
    MaintenanceStatus Status,
    DateTimeOffset? StartedAt,
    DateTimeOffset? CompletedAt,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    int Version) : IHasId;

/// <summary>A service on the public page: its status now and its uptime history.</summary>
public sealed record StatusPageServiceDto(StatusServiceDto Service, UptimeReport Uptime, DateOnly UptimeFirstDay);

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
