using Npgsql;

namespace BareApi;

/// <summary>
/// Platform's anonymous status summary (<c>GET /api/v1/status</c>) from the same tables, with hand-written SQL in one
/// round trip per request. Platform serves it from an in-memory snapshot instead; this side reads the tables every time.
/// </summary>
internal static class StatusRoutes
{
    // Services in page order (ungrouped first, then by group, display order, name) with their current status: the
    // latest event at or before now (the later recorded one of two at the same instant), operational without one.
    private const string ServicesSql = """
        SELECT s.id, s.slug, s.name, s."group", coalesce(e.status, 'operational'), coalesce(e.occurred_at, s.created_at)
        FROM status_services s
        LEFT JOIN LATERAL (
            SELECT status, occurred_at FROM status_events
            WHERE service_id = s.id AND occurred_at <= now()
            ORDER BY occurred_at DESC, seq DESC
            LIMIT 1) e ON true
        ORDER BY s."group" IS NOT NULL, s."group" COLLATE "C", s.display_order, s.name COLLATE "C", s.id
        """;

    private const string IncidentsSql = """
        SELECT id, title, status, impact, affected_service_ids, created_at, updated_at, resolved_at, version
        FROM status_incidents
        WHERE resolved_at IS NULL
        ORDER BY created_at DESC, id DESC
        """;

    private const string UpdatesSql = """
        SELECT u.incident_id, u.id, u.status, u.message, u.service_status, u.created_at
        FROM status_incident_updates u
        JOIN status_incidents i ON i.id = u.incident_id
        WHERE i.resolved_at IS NULL
        ORDER BY u.created_at, u.id
        """;

    private const string MaintenancesSql = """
        SELECT id, title, description, starts_at, ends_at, affected_service_ids, status, started_at, completed_at, created_at, updated_at, version
        FROM status_maintenances
        WHERE status <> 'completed'
        ORDER BY starts_at, id
        LIMIT 100
        """;

    public static void MapStatusRoutes(this IEndpointRouteBuilder app) => app.MapGet("/api/v1/status", GetStatus);

    private static async Task<IResult> GetStatus(NpgsqlDataSource db, CancellationToken cancellationToken)
    {
        await using var batch = db.CreateBatch();
        foreach (var sql in (string[])[ServicesSql, IncidentsSql, UpdatesSql, MaintenancesSql])
        {
            batch.BatchCommands.Add(new NpgsqlBatchCommand(sql));
        }

        var services = new List<ServiceSummary>();
        var incidents = new List<IncidentSummary>();
        var updates = new Dictionary<Guid, List<IncidentUpdateSummary>>();
        var maintenances = new List<MaintenanceSummary>();
        await using (var reader = await batch.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                services.Add(new ServiceSummary(
                    reader.GetGuid(0), reader.GetString(1), reader.GetString(2), reader.IsDBNull(3) ? null : reader.GetString(3), reader.GetString(4), reader.GetDateTime(5)));
            }

            await reader.NextResultAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                var timeline = new List<IncidentUpdateSummary>();
                updates[reader.GetGuid(0)] = timeline;
                incidents.Add(new IncidentSummary(
                    reader.GetGuid(0),
                    reader.GetString(1),
                    reader.GetString(2),
                    reader.GetString(3),
                    reader.GetFieldValue<Guid[]>(4),
                    timeline,
                    reader.GetDateTime(5),
                    reader.GetDateTime(6),
                    reader.IsDBNull(7) ? null : reader.GetDateTime(7),
                    reader.GetInt32(8)));
            }

            await reader.NextResultAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                // An update of an incident resolved between the two statements has no timeline to join: skip it.
                updates.GetValueOrDefault(reader.GetGuid(0))?.Add(new IncidentUpdateSummary(
                    reader.GetGuid(1), reader.GetString(2), reader.GetString(3), reader.IsDBNull(4) ? null : reader.GetString(4), reader.GetDateTime(5)));
            }

            await reader.NextResultAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                maintenances.Add(new MaintenanceSummary(
                    reader.GetGuid(0),
                    reader.GetString(1),
                    reader.GetString(2),
                    reader.GetDateTime(3),
                    reader.GetDateTime(4),
                    reader.GetFieldValue<Guid[]>(5),
                    reader.GetString(6),
                    reader.IsDBNull(7) ? null : reader.GetDateTime(7),
                    reader.IsDBNull(8) ? null : reader.GetDateTime(8),
                    reader.GetDateTime(9),
                    reader.GetDateTime(10),
                    reader.GetInt32(11)));
            }
        }

        return TypedResults.Ok(new StatusSummary(Overall([.. services.Select(s => s.Status)]), services, incidents, maintenances));
    }

    /// <summary>
    /// The page-wide status, first matching row wins: every service in major outage; any major outage or every service
    /// in partial outage; any partial outage; every service degraded; any degraded; any under maintenance; otherwise
    /// operational. "Every" leaves services under maintenance out and is false when no other service remains.
    /// </summary>
    private static OverallStatus Overall(List<string> statuses)
    {
        var active = statuses.Where(s => s != "under_maintenance").ToList();
        bool Any(string status) => statuses.Contains(status);
        bool Every(string status) => active.Count > 0 && active.TrueForAll(s => s == status);

        return true switch
        {
            _ when Every("major_outage") => new OverallStatus("critical", "Major System Outage"),
            _ when Any("major_outage") || Every("partial_outage") => new OverallStatus("major", "Partial System Outage"),
            _ when Any("partial_outage") => new OverallStatus("minor", "Minor Service Outage"),
            _ when Every("degraded_performance") => new OverallStatus("minor", "Degraded System Service"),
            _ when Any("degraded_performance") => new OverallStatus("minor", "Partially Degraded Service"),
            _ when Any("under_maintenance") => new OverallStatus("maintenance", "Service Under Maintenance"),
            _ => new OverallStatus("none", "All Systems Operational"),
        };
    }
}

/// <summary>Platform's StatusSummaryResponse, field for field.</summary>
internal sealed record StatusSummary(
    OverallStatus Status,
    IReadOnlyList<ServiceSummary> Services,
    IReadOnlyList<IncidentSummary> Incidents,
    IReadOnlyList<MaintenanceSummary> Maintenances);

internal sealed record OverallStatus(string Indicator, string Description);

internal sealed record ServiceSummary(Guid Id, string Slug, string Name, string? Group, string Status, DateTime UpdatedAt);

internal sealed record IncidentSummary(
    Guid Id,
    string Title,
    string Status,
    string Impact,
    IReadOnlyList<Guid> AffectedServiceIds,
    IReadOnlyList<IncidentUpdateSummary> Updates,
    DateTime CreatedAt,
    DateTime UpdatedAt,
    DateTime? ResolvedAt,
    int Version);

internal sealed record IncidentUpdateSummary(Guid Id, string Status, string Message, string? ServiceStatus, DateTime CreatedAt);

internal sealed record MaintenanceSummary(
    Guid Id,
    string Title,
    string Description,
    DateTime StartsAt,
    DateTime EndsAt,
    IReadOnlyList<Guid> AffectedServiceIds,
    string Status,
    DateTime? StartedAt,
    DateTime? CompletedAt,
    DateTime CreatedAt,
    DateTime UpdatedAt,
    int Version);
