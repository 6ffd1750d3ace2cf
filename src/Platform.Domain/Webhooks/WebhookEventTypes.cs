namespace Platform.Domain.Webhooks;

/// <summary>
/// The event types an endpoint can subscribe to. The names are the integration events' names (docs/events.md), so
/// an outbox message fans out by its type unchanged; <see cref="Test"/> is sent only by an endpoint's test call.
/// </summary>
public static class WebhookEventTypes
{
    public const string TicketsCreated = "tickets.created";
    public const string TicketsUpdated = "tickets.updated";
    public const string TicketsStatusChanged = "tickets.status_changed";
    public const string TicketsCommentAdded = "tickets.comment_added";
    public const string StatusServiceStatusChanged = "status.service_status_changed";
    public const string StatusIncidentCreated = "status.incident_created";
    public const string StatusIncidentUpdated = "status.incident_updated";
    public const string SessionsRefreshReuseDetected = "sessions.refresh_reuse_detected";
    public const string Test = "webhook.test";

    /// <summary>Every type, in catalogue order.</summary>
    public static IReadOnlyList<string> All { get; } =
    [
        TicketsCreated,
        TicketsUpdated,
        TicketsStatusChanged,
        TicketsCommentAdded,
        StatusServiceStatusChanged,
        StatusIncidentCreated,
        StatusIncidentUpdated,
        SessionsRefreshReuseDetected,
        Test,
    ];

    public static bool IsKnown(string? type) => type is not null && All.Contains(type, StringComparer.Ordinal);
}
