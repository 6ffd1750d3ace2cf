using Platform.Application.Identity;
using Platform.Application.Status;
using Platform.Application.Tickets;

namespace Platform.Application.Common.Outbox;

/// <summary>
/// Every integration event the platform emits through the outbox, with its type name and payload: the resource as
/// the public API shows it. Listed in docs/events.md (a test keeps the two in step).
/// </summary>
public static class IntegrationEventTypes
{
    public const string TicketsCreated = "tickets.created";
    public const string TicketsUpdated = "tickets.updated";
    public const string TicketsStatusChanged = "tickets.status_changed";
    public const string TicketsCommentAdded = "tickets.comment_added";
    public const string MonitoredServiceStatusChanged = "status.service_status_changed";
    public const string StatusIncidentCreated = "status.incident_created";
    public const string StatusIncidentUpdated = "status.incident_updated";
    public const string StatusMaintenanceStarted = "status.maintenance_started";
    public const string StatusMaintenanceCompleted = "status.maintenance_completed";
    public const string SessionsRefreshReuseDetected = "sessions.refresh_reuse_detected";
    public const string UsersPasswordChanged = "users.password_changed";
    public const string UsersDisabled = "users.disabled";
    public const string WebhooksEndpointDisabled = "webhooks.endpoint_disabled";
    public const string InboundReceived = "inbound.received";
    public const string IdentityAccountMailRequested = "identity.account_mail_requested";

    public static IReadOnlyList<IntegrationEventType> All { get; } =
    [
        new(TicketsCreated, "A ticket was opened.", typeof(TicketDto)),
        new(TicketsUpdated, "A ticket's subject, body, priority or assignee changed.", typeof(TicketDto)),
        new(TicketsStatusChanged, "A ticket moved to another status.", typeof(TicketDto)),
        new(TicketsCommentAdded, "A comment was added to a ticket.", typeof(TicketCommentDto)),
        new(MonitoredServiceStatusChanged, "A status event was recorded for a service on the status page.", typeof(StatusEventDto)),
        new(StatusIncidentCreated, "An incident was opened on the status page.", typeof(IncidentDto)),
        new(StatusIncidentUpdated, "An update was posted to an incident (possibly resolving it).", typeof(IncidentDto)),
        new(StatusMaintenanceStarted, "A scheduled maintenance started.", typeof(MaintenanceDto)),
        new(StatusMaintenanceCompleted, "A maintenance completed.", typeof(MaintenanceDto)),
        new(SessionsRefreshReuseDetected, "A refresh token was used twice, so its session was revoked as stolen.", typeof(RevokedSessionDto)),
        new(UsersPasswordChanged, "A user's password was changed.", typeof(UserDto)),
        new(UsersDisabled, "An admin disabled an account.", typeof(UserDto)),
        new(WebhooksEndpointDisabled, "Platform disabled a webhook endpoint: it answered 410 Gone, or failed without a break for too long.", typeof(Webhooks.WebhookEndpointDto)),
        new(IdentityAccountMailRequested, "Someone asked for an account mail (a verification link, a password reset, a sign-in code, an email change) for an address that may or may not have an account; internal: its handler decides whether to mail and is not offered to webhook endpoints.", typeof(Application.Identity.AccountMailRequestDto)),
        new(InboundReceived, "A verified inbound webhook was stored in the inbox, or an admin asked to reprocess one; internal: it runs the source's handler and is not offered to webhook endpoints.", typeof(Application.Inbound.InboundEventReceivedDto)),
    ];
}
