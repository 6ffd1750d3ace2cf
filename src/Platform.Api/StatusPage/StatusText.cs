using Platform.Domain.Status;

namespace Platform.Api.StatusPage;

/// <summary>Words shown for each status, so no status is told by colour alone.</summary>
internal static class StatusText
{
    public static string Service(ServiceStatus status) => status switch
    {
        ServiceStatus.Operational => "Operational",
        ServiceStatus.DegradedPerformance => "Degraded performance",
        ServiceStatus.PartialOutage => "Partial outage",
        ServiceStatus.MajorOutage => "Major outage",
        ServiceStatus.UnderMaintenance => "Under maintenance",
        _ => status.ToString(),
    };

    public static string Incident(IncidentStatus status) => status switch
    {
        IncidentStatus.Investigating => "Investigating",
        IncidentStatus.Identified => "Identified",
        IncidentStatus.Monitoring => "Monitoring",
        IncidentStatus.Resolved => "Resolved",
        _ => status.ToString(),
    };

    public static string Impact(IncidentImpact impact) => impact switch
    {
        IncidentImpact.None => "None",
        IncidentImpact.Minor => "Minor",
        IncidentImpact.Major => "Major",
        IncidentImpact.Critical => "Critical",
        _ => impact.ToString(),
    };

    public static string Maintenance(MaintenanceStatus status) => status switch
    {
        MaintenanceStatus.Scheduled => "Scheduled",
        MaintenanceStatus.InProgress => "In progress",
        MaintenanceStatus.Completed => "Completed",
        _ => status.ToString(),
    };
}
