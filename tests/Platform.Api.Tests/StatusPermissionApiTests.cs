using NUnit.Framework;

namespace Platform.Api.Tests;

/// <summary>
/// Who may change the status page: admins manage services; agents and admins post events, incidents and maintenance;
/// customers are refused (403) and anonymous callers must sign in (401); everyone may read.
/// </summary>
public sealed class StatusPermissionApiTests : StatusApiTestBase
{
    private static readonly string[] StatusTables = ["status_services", "status_events", "status_incidents", "status_incident_updates", "status_maintenances"];

    private async Task<Dictionary<string, long>> CountsAsync()
    {
        var counts = new Dictionary<string, long>();
        foreach (var table in StatusTables)
        {
            counts[table] = await Database.CountAsync(table);
        }

        return counts;
    }

    /// <summary>Every write of the status API, as (name, method, url, body), against an existing service and incident.</summary>
    private static (string Name, HttpMethod Method, string Url, string? Body)[] Writes(Guid serviceId, Guid incidentId)
    {
        var starts = Iso(DateTimeOffset.UtcNow.AddDays(1));
        var ends = Iso(DateTimeOffset.UtcNow.AddDays(1).AddHours(1));
        return
        [
            ("create service", HttpMethod.Post, Services, """{"slug":"new-one","name":"New"}"""),
            ("patch service", HttpMethod.Patch, $"{Services}/{serviceId}", """{"name":"Renamed"}"""),
            ("delete service", HttpMethod.Delete, $"{Services}/{serviceId}", null),
            ("record event", HttpMethod.Post, $"{Services}/{serviceId}/events", """{"status":"major_outage"}"""),
            ("create incident", HttpMethod.Post, Incidents, $$"""{"title":"T","status":"investigating","impact":"minor","affected_service_ids":["{{serviceId}}"],"message":"M","service_status":"major_outage"}"""),
            ("add incident update", HttpMethod.Post, $"{Incidents}/{incidentId}/updates", """{"status":"resolved","message":"Done","service_status":"major_outage"}"""),
            ("schedule maintenance", HttpMethod.Post, Maintenances, $$"""{"title":"T","starts_at":"{{starts}}","ends_at":"{{ends}}","affected_service_ids":["{{serviceId}}"]}"""),
        ];
    }

    [Test]
    public async Task Anonymous_writes_are_401_auth_unauthorized_and_change_nothing()
    {
        using var admin = await AdminClientAsync();
        var serviceId = IdOf(await CreateServiceAsync(admin, "api"));
        var incidentId = IdOf(await CreateIncidentAsync(admin, "Open", []));
        var before = await CountsAsync();
        using var anonymous = Client();

        foreach (var (name, method, url, body) in Writes(serviceId, incidentId))
        {
            var response = await SendAsync(anonymous, method, url, body);
            Assert.That((int)response.StatusCode, Is.EqualTo(401), name);
            await AssertProblemAsync(response, 401, "auth.unauthorized");
        }

        Assert.That(await CountsAsync(), Is.EqualTo(before));
    }

    [Test]
    public async Task Customers_get_403_auth_forbidden_on_every_write_and_nothing_changes()
    {
        using var admin = await AdminClientAsync();
        using var customer = await CustomerClientAsync();
        var serviceId = IdOf(await CreateServiceAsync(admin, "api"));
        var incidentId = IdOf(await CreateIncidentAsync(admin, "Open", []));
        var before = await CountsAsync();
        var incidentBefore = (await AnonymousJsonAsync($"{Incidents}/{incidentId}")).ToJsonString();

        foreach (var (name, method, url, body) in Writes(serviceId, incidentId))
        {
            var response = await SendAsync(customer, method, url, body);
            Assert.That((int)response.StatusCode, Is.EqualTo(403), name);
            await AssertProblemAsync(response, 403, "auth.forbidden");
        }

        Assert.Multiple(async () =>
        {
            Assert.That(await CountsAsync(), Is.EqualTo(before));
            Assert.That((await AnonymousJsonAsync($"{Incidents}/{incidentId}")).ToJsonString(), Is.EqualTo(incidentBefore));
            Assert.That(StringOf(await AnonymousJsonAsync($"{Services}/{serviceId}"), "status"), Is.EqualTo("operational"));
        });
    }

    [Test]
    public async Task Agents_may_post_events_incidents_updates_and_maintenance()
    {
        using var admin = await AdminClientAsync();
        using var agent = await AgentClientAsync();
        var serviceId = IdOf(await CreateServiceAsync(admin, "api"));
        var incidentId = IdOf(await CreateIncidentAsync(admin, "Open", [serviceId]));

        foreach (var (name, method, url, body) in Writes(serviceId, incidentId).Where(w => !w.Name.EndsWith("service", StringComparison.Ordinal)))
        {
            var response = await SendAsync(agent, method, url, body);
            Assert.That((int)response.StatusCode, Is.EqualTo(201), $"{name}: {await response.Content.ReadAsStringAsync()}");
        }
    }

    [Test]
    public async Task Agents_get_403_auth_forbidden_on_creating_changing_and_deleting_services()
    {
        using var admin = await AdminClientAsync();
        using var agent = await AgentClientAsync();
        var serviceId = IdOf(await CreateServiceAsync(admin, "api"));
        var incidentId = IdOf(await CreateIncidentAsync(admin, "Open", []));

        foreach (var (name, method, url, body) in Writes(serviceId, incidentId).Where(w => w.Name.EndsWith("service", StringComparison.Ordinal)))
        {
            var response = await SendAsync(agent, method, url, body);
            Assert.That((int)response.StatusCode, Is.EqualTo(403), name);
            await AssertProblemAsync(response, 403, "auth.forbidden");
        }

        var services = ItemsOf(await AnonymousJsonAsync(Services));
        Assert.Multiple(() =>
        {
            Assert.That(services.Select(IdOf), Is.EqualTo(new[] { serviceId }));
            Assert.That(StringOf(services[0], "name"), Is.EqualTo("API"));
        });
    }

    [Test]
    public async Task Every_read_is_allowed_anonymously()
    {
        using var admin = await AdminClientAsync();
        var serviceId = IdOf(await CreateServiceAsync(admin, "api"));
        var eventId = IdOf(await RecordEventAsync(admin, serviceId, "degraded_performance"));
        var incidentId = IdOf(await CreateIncidentAsync(admin, "Open", [serviceId]));
        var maintenanceId = IdOf(await ScheduleMaintenanceAsync(admin, "Later", [serviceId], DateTimeOffset.UtcNow.AddDays(1), DateTimeOffset.UtcNow.AddDays(1).AddHours(1)));
        string[] reads =
        [
            Services,
            $"{Services}/{serviceId}",
            $"{Services}/{serviceId}/events",
            $"{Services}/{serviceId}/events/{eventId}",
            $"{Services}/api/uptime",
            Incidents,
            $"{Incidents}?unresolved=true",
            $"{Incidents}/{incidentId}",
            Maintenances,
            $"{Maintenances}/{maintenanceId}",
            "/api/v1/status",
            "/api/v2/status.json",
            "/api/v2/summary.json",
            "/api/v1/status/incidents.atom",
            "/status",
        ];

        foreach (var url in reads)
        {
            var response = await AnonymousGetAsync(url);
            Assert.That((int)response.StatusCode, Is.EqualTo(200), $"GET {url}: {await response.Content.ReadAsStringAsync()}");
        }
    }
}
