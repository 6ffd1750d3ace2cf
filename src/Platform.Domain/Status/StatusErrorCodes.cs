namespace Platform.Domain.Status;

/// <summary>
/// Every error code of the status page feature: the domain's rule violations and the application's answers (not found, conflicts).
/// Every code is listed in docs/errors.md; a published code is never renamed.
/// </summary>
public static class StatusErrorCodes
{
    public const string ServiceNotFound = "status.service_not_found";
    public const string EventNotFound = "status.event_not_found";
    public const string IncidentNotFound = "status.incident_not_found";
    public const string MaintenanceNotFound = "status.maintenance_not_found";
    public const string SlugTaken = "status.slug_taken";
    public const string ServiceHasOpenIncidents = "status.service_has_open_incidents";
    public const string ServiceHasPendingMaintenance = "status.service_has_pending_maintenance";
    public const string IncidentResolved = "status.incident_resolved";
    public const string InvalidTransition = "status.invalid_transition";
    public const string InvalidSlug = "status.invalid_slug";
    public const string InvalidName = "status.invalid_name";
    public const string InvalidDescription = "status.invalid_description";
    public const string InvalidGroup = "status.invalid_group";
    public const string InvalidDisplayOrder = "status.invalid_display_order";
    public const string InvalidTitle = "status.invalid_title";
    public const string InvalidMessage = "status.invalid_message";
    public const string OccurredInFuture = "status.occurred_in_future";
    public const string InvalidWindow = "status.invalid_window";
    public const string ServicesRequired = "status.services_required";

    /// <summary>The message that goes with <see cref="SlugTaken"/> (a unique-index conflict, see ConflictOnUniqueIndex).</summary>
    public const string SlugTakenMessage = "Another service already has this slug.";
}
