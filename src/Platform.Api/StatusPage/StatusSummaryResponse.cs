using Platform.Application.Status;
using Platform.Domain.Status;

namespace Platform.Api.StatusPage;

/// <summary><c>GET /api/v1/status</c>: overall status, services, unresolved incidents, upcoming and running maintenance.</summary>
public sealed record StatusSummaryResponse(
    OverallStatus Status,
    IReadOnlyList<MonitoredServiceSummary> Services,
    IReadOnlyList<IncidentDto> Incidents,
    IReadOnlyList<MaintenanceDto> Maintenances);

// Statuspage's public API (v2) shapes, field for field, so existing widgets and monitors read them unchanged
// (a component lists its members only when it is a group, as Statuspage does).
