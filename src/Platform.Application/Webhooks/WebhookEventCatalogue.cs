using System.Text.Json;
using Platform.Application.Common.Outbox;
using Platform.Domain.Webhooks;

namespace Platform.Application.Webhooks;

/// <summary>
/// What each webhook event type means and what its message body looks like: <c>{type, timestamp, data}</c>, where
/// <c>data</c> is the resource as the API returns it (the integration event's payload, docs/events.md). A test holds
/// every example's <c>data</c> to the fields of its payload type.
/// </summary>
internal static class WebhookEventCatalogue
{
    private const string Ticket =
        """{"id":"019ad3c1-6a40-7c11-8e0d-8b1f0f5e2a11","subject":"Printer on fire","body":"Third floor, near the window.","priority":"high","status":"open","requester_id":"019ad3c0-1b22-7d0e-a3f4-5c6d7e8f9a01","assignee_id":null,"created_at":"2026-12-01T21:04:05.123Z","updated_at":"2026-12-01T21:04:05.123Z","version":1}""";

    private static readonly (string Type, string Description, string Data)[] Entries =
    [
        (WebhookEventTypes.TicketsCreated, Described(IntegrationEventTypes.TicketsCreated), Ticket),
        (WebhookEventTypes.TicketsUpdated, Described(IntegrationEventTypes.TicketsUpdated), Ticket.Replace("\"version\":1", "\"version\":2", StringComparison.Ordinal)),
        (WebhookEventTypes.TicketsStatusChanged, Described(IntegrationEventTypes.TicketsStatusChanged), Ticket.Replace("\"status\":\"open\"", "\"status\":\"in_progress\"", StringComparison.Ordinal)),
        (WebhookEventTypes.TicketsCommentAdded, Described(IntegrationEventTypes.TicketsCommentAdded),
            """{"id":"019ad3c2-0f10-7a2b-9c3d-4e5f60718293","ticket_id":"019ad3c1-6a40-7c11-8e0d-8b1f0f5e2a11","author_id":"019ad3c0-1b22-7d0e-a3f4-5c6d7e8f9a01","body":"The fire is out.","created_at":"2026-12-01T21:10:00.000Z"}"""),
        (WebhookEventTypes.StatusServiceStatusChanged, Described(IntegrationEventTypes.MonitoredServiceStatusChanged),
            """{"id":"019ad3c3-2a10-7b2c-8d3e-5f6071829304","service_id":"019ad3b0-0000-7000-8000-000000000001","status":"partial_outage","message":"Elevated errors: Looking into it.","occurred_at":"2026-12-01T21:12:00.000Z","created_at":"2026-12-01T21:12:00.000Z"}"""),
        (WebhookEventTypes.StatusIncidentCreated, Described(IntegrationEventTypes.StatusIncidentCreated),
            """{"id":"019ad3c3-2a00-7b2c-8d3e-5f6071829300","title":"Elevated errors","status":"investigating","impact":"minor","affected_service_ids":["019ad3b0-0000-7000-8000-000000000001"],"updates":[{"id":"019ad3c3-2a01-7b2c-8d3e-5f6071829301","status":"investigating","message":"Looking into it.","service_status":"partial_outage","created_at":"2026-12-01T21:12:00.000Z"}],"created_at":"2026-12-01T21:12:00.000Z","updated_at":"2026-12-01T21:12:00.000Z","resolved_at":null,"version":1}"""),
        (WebhookEventTypes.StatusIncidentUpdated, Described(IntegrationEventTypes.StatusIncidentUpdated),
            """{"id":"019ad3c3-2a00-7b2c-8d3e-5f6071829300","title":"Elevated errors","status":"resolved","impact":"minor","affected_service_ids":["019ad3b0-0000-7000-8000-000000000001"],"updates":[{"id":"019ad3c3-2a01-7b2c-8d3e-5f6071829301","status":"investigating","message":"Looking into it.","service_status":"partial_outage","created_at":"2026-12-01T21:12:00.000Z"},{"id":"019ad3c4-0001-7b2c-8d3e-5f6071829302","status":"resolved","message":"Fixed.","service_status":"operational","created_at":"2026-12-01T21:40:00.000Z"}],"created_at":"2026-12-01T21:12:00.000Z","updated_at":"2026-12-01T21:40:00.000Z","resolved_at":"2026-12-01T21:40:00.000Z","version":2}"""),
        (WebhookEventTypes.SessionsRefreshReuseDetected, Described(IntegrationEventTypes.SessionsRefreshReuseDetected),
            """{"id":"019ad3c5-1000-7c2d-9e3f-405162738495","user_id":"019ad3c0-1b22-7d0e-a3f4-5c6d7e8f9a01","device_name":"Firefox on Linux","user_agent":"Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0","ip":"203.0.113.7","created_at":"2026-11-30T08:00:00.000Z","last_used_at":"2026-12-01T20:55:00.000Z","revoked_at":"2026-12-01T21:15:00.000Z","revoke_reason":"refresh_token_reused"}"""),
        (WebhookEventTypes.Test, "A test message, sent to one endpoint on request (POST /api/v1/webhooks/endpoints/{id}/test), whatever it subscribes to.",
            """{"endpoint_id":"019ad3c6-0000-7000-8000-0000000000aa","message":"This is a test message from Platform."}"""),
    ];

    /// <summary>The catalogue in <see cref="WebhookEventTypes.All"/> order, each example a complete message body.</summary>
    public static IReadOnlyList<WebhookEventTypeDto> All { get; } = Build();

    private static List<WebhookEventTypeDto> Build()
    {
        var missing = WebhookEventTypes.All.Except(Entries.Select(e => e.Type), StringComparer.Ordinal).ToList();
        if (missing.Count > 0)
        {
            throw new InvalidOperationException($"The webhook event catalogue has no entry for {string.Join(", ", missing)}.");
        }

        return
        [
            .. WebhookEventTypes.All.Select(type =>
            {
                var entry = Entries.Single(e => e.Type == type);
                using var body = JsonDocument.Parse($$"""{"type":"{{type}}","timestamp":"2026-12-01T21:15:00.000Z","data":{{entry.Data}}}""");
                return new WebhookEventTypeDto(type, entry.Description, body.RootElement.Clone());
            }),
        ];
    }

    private static string Described(string integrationEventType) =>
        IntegrationEventTypes.All.Single(t => t.Name == integrationEventType).Description;
}
