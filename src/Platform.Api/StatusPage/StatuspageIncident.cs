namespace Platform.Api.StatusPage;

public sealed record StatuspageIncident(
    string Id,
    string Name,
    string Status,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    DateTimeOffset? MonitoringAt,
    DateTimeOffset? ResolvedAt,
    string Impact,
    string Shortlink,
    DateTimeOffset StartedAt,
    string PageId,
    IReadOnlyList<StatuspageIncidentUpdate> IncidentUpdates,
    IReadOnlyList<StatuspageComponent> Components);
