using System.Globalization;
using System.Text.Json.Nodes;
using NUnit.Framework;
using Platform.Api.Tests.Infrastructure;

namespace Platform.Api.Tests;

/// <summary>
/// Helpers for the status page tests: staff clients and the writes that set up services, events, incidents and
/// maintenance, each failing the test unless the API answers 201.
/// </summary>
public abstract class StatusApiTestBase : ApiTestBase
{
    protected const string Services = "/api/v1/status/services";
    protected const string Incidents = "/api/v1/status/incidents";
    protected const string Maintenances = "/api/v1/status/maintenances";

    protected static readonly string[] ServiceFields =
        ["id", "slug", "name", "description", "group", "display_order", "status", "status_changed_at", "created_at", "updated_at", "version"];

    protected static readonly string[] EventFields = ["id", "service_id", "status", "message", "occurred_at", "created_at"];

    protected static readonly string[] IncidentFields =
        ["id", "title", "status", "impact", "affected_service_ids", "updates", "created_at", "updated_at", "resolved_at", "version"];

    protected static readonly string[] IncidentUpdateFields = ["id", "status", "message", "service_status", "created_at"];

    protected static readonly string[] MaintenanceFields =
        ["id", "title", "description", "starts_at", "ends_at", "affected_service_ids", "status", "started_at", "completed_at", "created_at", "updated_at", "version"];

    protected async Task<HttpClient> AdminClientAsync()
    {
        var (_, token) = await AdminAsync();
        return Client(token);
    }

    protected async Task<HttpClient> AgentClientAsync()
    {
        var (_, token) = await SignUpAsync(role: "agent");
        return Client(token);
    }

    protected async Task<HttpClient> CustomerClientAsync()
    {
        var (_, token) = await SignUpAsync();
        return Client(token);
    }

    /// <summary>The property names of a JSON object, for exact shape comparisons.</summary>
    protected static IEnumerable<string> Keys(JsonNode? node) => node!.AsObject().Select(p => p.Key);

    protected static Guid GuidOf(JsonNode? node, string property) => node![property]!.GetValue<Guid>();

    protected static DateTimeOffset TimeOf(JsonNode? node, string property) =>
        DateTimeOffset.Parse(node![property]!.GetValue<string>(), CultureInfo.InvariantCulture);

    protected static string Iso(DateTimeOffset value) => value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    protected static string IdList(IEnumerable<Guid> ids) => new JsonArray([.. ids.Select(id => (JsonNode?)JsonValue.Create(id.ToString()))]).ToJsonString();

    protected static async Task<JsonObject> CreatedAsync(HttpResponseMessage response)
    {
        ArgumentNullException.ThrowIfNull(response);
        var text = await response.Content.ReadAsStringAsync();
        Assert.That((int)response.StatusCode, Is.EqualTo(201), $"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri}: {text}");
        return JsonNode.Parse(text)!.AsObject();
    }

    protected static async Task<JsonObject> CreateServiceAsync(HttpClient admin, string slug, string? name = null, string? group = null, int? displayOrder = null, string? description = null)
    {
        var payload = new JsonObject { ["slug"] = slug, ["name"] = name ?? slug.ToUpperInvariant() };
        if (group is not null)
        {
            payload["group"] = group;
        }

        if (displayOrder is not null)
        {
            payload["display_order"] = displayOrder;
        }

        if (description is not null)
        {
            payload["description"] = description;
        }

        return await CreatedAsync(await SendAsync(admin, HttpMethod.Post, Services, payload.ToJsonString()));
    }

    protected static async Task<JsonObject> RecordEventAsync(HttpClient staff, Guid serviceId, string status, string? message = null, DateTimeOffset? occurredAt = null)
    {
        var payload = new JsonObject { ["status"] = status };
        if (message is not null)
        {
            payload["message"] = message;
        }

        if (occurredAt is not null)
        {
            payload["occurred_at"] = Iso(occurredAt.Value);
        }

        return await CreatedAsync(await SendAsync(staff, HttpMethod.Post, $"{Services}/{serviceId}/events", payload.ToJsonString()));
    }

    protected static async Task<JsonObject> CreateIncidentAsync(
        HttpClient staff,
        string title,
        IEnumerable<Guid> affected,
        string message = "We are looking into it.",
        string status = "investigating",
        string impact = "minor",
        string? serviceStatus = null)
    {
        var payload = new JsonObject
        {
            ["title"] = title,
            ["status"] = status,
            ["impact"] = impact,
            ["affected_service_ids"] = JsonNode.Parse(IdList(affected)),
            ["message"] = message,
        };
        if (serviceStatus is not null)
        {
            payload["service_status"] = serviceStatus;
        }

        return await CreatedAsync(await SendAsync(staff, HttpMethod.Post, Incidents, payload.ToJsonString()));
    }

    protected static async Task<JsonObject> AddUpdateAsync(HttpClient staff, Guid incidentId, string status, string message, string? serviceStatus = null)
    {
        var payload = new JsonObject { ["status"] = status, ["message"] = message };
        if (serviceStatus is not null)
        {
            payload["service_status"] = serviceStatus;
        }

        return await CreatedAsync(await SendAsync(staff, HttpMethod.Post, $"{Incidents}/{incidentId}/updates", payload.ToJsonString()));
    }

    protected static async Task<JsonObject> ScheduleMaintenanceAsync(
        HttpClient staff,
        string title,
        IEnumerable<Guid> affected,
        DateTimeOffset startsAt,
        DateTimeOffset endsAt,
        string? description = null)
    {
        var payload = new JsonObject
        {
            ["title"] = title,
            ["starts_at"] = Iso(startsAt),
            ["ends_at"] = Iso(endsAt),
            ["affected_service_ids"] = JsonNode.Parse(IdList(affected)),
        };
        if (description is not null)
        {
            payload["description"] = description;
        }

        return await CreatedAsync(await SendAsync(staff, HttpMethod.Post, Maintenances, payload.ToJsonString()));
    }

    /// <summary>An anonymous GET, with optional extra headers (If-None-Match).</summary>
    protected async Task<HttpResponseMessage> AnonymousGetAsync(string url, IReadOnlyDictionary<string, string>? headers = null)
    {
        using var anonymous = Client();
        return await SendAsync(anonymous, HttpMethod.Get, url, headers: headers);
    }

    protected async Task<JsonObject> AnonymousJsonAsync(string url)
    {
        var response = await AnonymousGetAsync(url);
        var text = await response.Content.ReadAsStringAsync();
        Assert.That((int)response.StatusCode, Is.EqualTo(200), $"GET {url}: {text}");
        return JsonNode.Parse(text)!.AsObject();
    }
}
