using System.Net.Http.Headers;
using NUnit.Framework;

namespace Platform.Api.Tests;

/// <summary>
/// Status writes follow the API-wide contracts: each change leaves an audit row naming who did it, a retried POST
/// with the same Idempotency-Key has exactly one effect, and PATCH accepts a merge-patch body.
/// </summary>
public sealed class StatusAuditAndIdempotencyApiTests : StatusApiTestBase
{
    private Task<long> AuditCountAsync(string action, Guid actorId, Guid? resourceId = null) =>
        Database.CountAsync("audit_log", resourceId is null
            ? $"action = '{action}' AND actor_id = '{actorId}'"
            : $"action = '{action}' AND actor_id = '{actorId}' AND resource_id = '{resourceId}'");

    [Test]
    public async Task Every_status_change_leaves_an_audit_row_naming_the_actor()
    {
        var (adminId, adminToken) = await AdminAsync();
        var (agentId, agentToken) = await SignUpAsync(role: "agent");
        using var admin = Client(adminToken);
        using var agent = Client(agentToken);

        var service = IdOf(await CreateServiceAsync(admin, "api"));
        Assert.That((int)(await PatchAsync(admin, $"{Services}/{service}", """{"name":"Renamed"}""")).StatusCode, Is.EqualTo(200));
        var statusEvent = IdOf(await RecordEventAsync(agent, service, "degraded_performance"));
        var incident = IdOf(await CreateIncidentAsync(agent, "Slow", [service]));
        await AddUpdateAsync(agent, incident, "resolved", "Fast again.");
        var maintenance = IdOf(await ScheduleMaintenanceAsync(agent, "Later", [service], DateTimeOffset.UtcNow.AddDays(1), DateTimeOffset.UtcNow.AddDays(1).AddHours(1)));
        var gone = IdOf(await CreateServiceAsync(admin, "gone"));
        Assert.That((int)(await SendAsync(admin, HttpMethod.Delete, $"{Services}/{gone}")).StatusCode, Is.EqualTo(204));

        var counts = new Dictionary<string, long>
        {
            ["status.services.create"] = await AuditCountAsync("status.services.create", adminId, service),
            ["status.services.update"] = await AuditCountAsync("status.services.update", adminId, service),
            ["status.services.delete"] = await AuditCountAsync("status.services.delete", adminId, gone),
            ["status.events.create"] = await AuditCountAsync("status.events.create", agentId, statusEvent),
            ["status.incidents.create"] = await AuditCountAsync("status.incidents.create", agentId, incident),
            ["status.incidents.update"] = await AuditCountAsync("status.incidents.update", agentId),
            ["status.maintenances.create"] = await AuditCountAsync("status.maintenances.create", agentId, maintenance),
        };

        Assert.That(counts.Where(c => c.Value != 1).Select(c => c.Key), Is.Empty, string.Join(", ", counts.Select(c => $"{c.Key}={c.Value}")));
    }

    [Test]
    public async Task A_retried_event_with_the_same_Idempotency_Key_is_replayed_and_recorded_once()
    {
        using var admin = await AdminClientAsync();
        var service = IdOf(await CreateServiceAsync(admin, "api"));
        var headers = new Dictionary<string, string> { ["Idempotency-Key"] = "event-retry-1" };
        const string Body = """{"status":"major_outage","message":"Down"}""";

        var first = await SendAsync(admin, HttpMethod.Post, $"{Services}/{service}/events", Body, headers);
        var firstBody = await first.Content.ReadAsStringAsync();
        var replay = await SendAsync(admin, HttpMethod.Post, $"{Services}/{service}/events", Body, headers);

        Assert.Multiple(async () =>
        {
            Assert.That((int)first.StatusCode, Is.EqualTo(201), firstBody);
            Assert.That((int)replay.StatusCode, Is.EqualTo(200));
            Assert.That(Header(replay, "Idempotent-Replayed"), Is.EqualTo("true"));
            Assert.That(await replay.Content.ReadAsStringAsync(), Is.EqualTo(firstBody));
            Assert.That(ItemsOf(await AnonymousJsonAsync($"{Services}/{service}/events")), Has.Count.EqualTo(1));
        });
    }

    [Test]
    public async Task A_retried_incident_with_service_status_opens_one_incident_and_records_one_event_per_service()
    {
        using var admin = await AdminClientAsync();
        var service = IdOf(await CreateServiceAsync(admin, "api"));
        var headers = new Dictionary<string, string> { ["Idempotency-Key"] = "incident-retry-1" };
        var body = $$"""{"title":"Down","status":"investigating","impact":"critical","affected_service_ids":["{{service}}"],"message":"Everything fails.","service_status":"major_outage"}""";

        var first = await SendAsync(admin, HttpMethod.Post, Incidents, body, headers);
        var replay = await SendAsync(admin, HttpMethod.Post, Incidents, body, headers);

        Assert.Multiple(async () =>
        {
            Assert.That((int)first.StatusCode, Is.EqualTo(201), await first.Content.ReadAsStringAsync());
            Assert.That((int)replay.StatusCode, Is.EqualTo(200), await replay.Content.ReadAsStringAsync());
            Assert.That(ItemsOf(await AnonymousJsonAsync(Incidents)), Has.Count.EqualTo(1));
            Assert.That(ItemsOf(await AnonymousJsonAsync($"{Services}/{service}/events")), Has.Count.EqualTo(1));
        });
    }

    [Test]
    public async Task Patch_accepts_an_application_merge_patch_json_body()
    {
        using var admin = await AdminClientAsync();
        var service = IdOf(await CreateServiceAsync(admin, "api", "API", group: "Core"));
        using var request = new HttpRequestMessage(HttpMethod.Patch, $"{Services}/{service}")
        {
            Content = new StringContent("""{"group":null,"display_order":7}"""),
        };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/merge-patch+json");

        var response = await admin.SendAsync(request);
        var body = await JsonAsync(response);

        Assert.Multiple(() =>
        {
            Assert.That((int)response.StatusCode, Is.EqualTo(200), body.ToJsonString());
            Assert.That(body["group"], Is.Null);
            Assert.That(body["display_order"]?.GetValue<int>(), Is.EqualTo(7));
            Assert.That(StringOf(body, "name"), Is.EqualTo("API"));
        });
    }
}
