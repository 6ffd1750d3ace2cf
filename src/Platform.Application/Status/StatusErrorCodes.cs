namespace Platform.Application.Status;

/// <summary>Error codes of the status-page feature; every code is listed in docs/errors.md.</summary>
public static class StatusErrorCodes
{
    public const string ServiceNotFound = "status.service_not_found";
    public const string EventNotFound = "status.event_not_found";
    public const string IncidentNotFound = "status.incident_not_found";
    public const string MaintenanceNotFound = "status.maintenance_not_found";
    public const string SlugTaken = "status.slug_taken";
    public const string SlugTakenMessage = "Another service already has this slug.";
    public const string ServiceHasOpenIncidents = "status.service_has_open_incidents";
    public const string ServiceHasPendingMaintenance = "status.service_has_pending_maintenance";
}
