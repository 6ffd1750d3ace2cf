using System.Text.Json.Nodes;
using NUnit.Framework;

namespace Platform.Api.Tests;

/// <summary>Incidents with their updates, and scheduled maintenance, as staff write them and anyone reads them.</summary>
public sealed class StatusIncidentApiTests : StatusApiTestBase
{
    [Test]
    public async Task Create_incident_is_201_with_Location_and_the_incident_with_its_first_update()
    {
        using var admin = await AdminClientAsync();
        using var agent = await AgentClientAsync();
        var api = IdOf(await CreateServiceAsync(admin, "api"));
        var web = IdOf(await CreateServiceAsync(admin, "web"));

        var response = await SendAsync(
            agent,
            HttpMethod.Post,
            Incidents,
            $$"""{"title":"Elevated errors","status":"investigating","impact":"major","affected_service_ids":{{IdList([api, web])}},"message":"We are looking into it."}""");
        var body = await JsonAsync(response);

        Assert.Multiple(() =>
        {
            Assert.That((int)response.StatusCode, Is.EqualTo(201), body.ToJsonString());
            Assert.That(response.Headers.Location?.ToString(), Is.EqualTo($"{Incidents}/{IdOf(body)}"));
            Assert.That(response.Headers.ETag?.ToString(), Is.EqualTo("\"v1\""));
            Assert.That(Keys(body), Is.EquivalentTo(IncidentFields));
            Assert.That(StringOf(body, "title"), Is.EqualTo("Elevated errors"));
            Assert.That(StringOf(body, "status"), Is.EqualTo("investigating"));
            Assert.That(StringOf(body, "impact"), Is.EqualTo("major"));
            Assert.That(body["affected_service_ids"]!.AsArray().Select(n => n!.GetValue<Guid>()), Is.EqualTo(new[] { api, web }));
            Assert.That(body["resolved_at"], Is.Null);
            Assert.That(body["version"]?.GetValue<int>(), Is.EqualTo(1));
            Assert.That(body["updates"]!.AsArray(), Has.Count.EqualTo(1));
            Assert.That(Keys(body["updates"]![0]), Is.EquivalentTo(IncidentUpdateFields));
            Assert.That(StringOf(body["updates"]![0], "status"), Is.EqualTo("investigating"));
            Assert.That(StringOf(body["updates"]![0], "message"), Is.EqualTo("We are looking into it."));
            Assert.That(body["updates"]![0]!["service_status"], Is.Null);
        });
    }

    [Test]
    public async Task Create_incident_with_service_status_sets_every_affected_service_to_it_with_one_event_each()
    {
        using var admin = await AdminClientAsync();
        var api = IdOf(await CreateServiceAsync(admin, "api"));
        var web = IdOf(await CreateServiceAsync(admin, "web"));
        var untouched = IdOf(await CreateServiceAsync(admin, "docs"));

        var incident = await CreateIncidentAsync(admin, "Database failover", [api, web], "Requests fail.", impact: "major", serviceStatus: "partial_outage");

        var apiService = await AnonymousJsonAsync($"{Services}/{api}");
        var webService = await AnonymousJsonAsync($"{Services}/{web}");
        var docsService = await AnonymousJsonAsync($"{Services}/{untouched}");
        var apiEvents = ItemsOf(await AnonymousJsonAsync($"{Services}/{api}/events"));
        Assert.Multiple(() =>
        {
            Assert.That(StringOf(incident["updates"]![0], "service_status"), Is.EqualTo("partial_outage"));
            Assert.That(StringOf(apiService, "status"), Is.EqualTo("partial_outage"));
            Assert.That(StringOf(webService, "status"), Is.EqualTo("partial_outage"));
            Assert.That(StringOf(docsService, "status"), Is.EqualTo("operational"));
            Assert.That(apiEvents, Has.Count.EqualTo(1));
            Assert.That(StringOf(apiEvents[0], "status"), Is.EqualTo("partial_outage"));
            Assert.That(StringOf(apiEvents[0], "message"), Is.EqualTo("Database failover: Requests fail."));
        });
    }

    [Test]
    public async Task Adding_an_update_is_201_with_the_whole_incident_and_its_service_status_moves_the_services()
    {
        using var admin = await AdminClientAsync();
        using var agent = await AgentClientAsync();
        var api = IdOf(await CreateServiceAsync(admin, "api"));
        var incident = await CreateIncidentAsync(agent, "Slow API", [api], "Looking.", serviceStatus: "degraded_performance");
        var id = IdOf(incident);

        var response = await SendAsync(agent, HttpMethod.Post, $"{Incidents}/{id}/updates", """{"status":"identified","message":"A bad deploy.","service_status":"major_outage"}""");
        var body = await JsonAsync(response);
        var fetched = await AnonymousJsonAsync($"{Incidents}/{id}");
        var service = await AnonymousJsonAsync($"{Services}/{api}");

        Assert.Multiple(() =>
        {
            Assert.That((int)response.StatusCode, Is.EqualTo(201), body.ToJsonString());
            Assert.That(Keys(body), Is.EquivalentTo(IncidentFields));
            Assert.That(IdOf(body), Is.EqualTo(id));
            Assert.That(StringOf(body, "status"), Is.EqualTo("identified"));
            Assert.That(body["version"]?.GetValue<int>(), Is.EqualTo(2));
            Assert.That(body["updates"]!.AsArray().Select(u => StringOf(u, "message")), Is.EquivalentTo(new[] { "Looking.", "A bad deploy." }));
            Assert.That(body["updates"]!.AsArray().Select(u => Keys(u)), Has.All.EquivalentTo(IncidentUpdateFields));
            Assert.That(fetched.ToJsonString(), Is.EqualTo(body.ToJsonString()), "GET shows the incident as the update returned it");
            Assert.That(StringOf(service, "status"), Is.EqualTo("major_outage"));
        });
    }

    [Test]
    public async Task Resolving_sets_resolved_at_and_afterwards_an_update_is_409_status_incident_resolved()
    {
        using var admin = await AdminClientAsync();
        var api = IdOf(await CreateServiceAsync(admin, "api"));
        var id = IdOf(await CreateIncidentAsync(admin, "Outage", [api], "Down.", serviceStatus: "major_outage"));

        var resolved = await AddUpdateAsync(admin, id, "resolved", "All good.", serviceStatus: "operational");
        var late = await SendAsync(admin, HttpMethod.Post, $"{Incidents}/{id}/updates", """{"status":"monitoring","message":"Too late."}""");

        await AssertProblemAsync(late, 409, "status.incident_resolved");
        var fetched = await AnonymousJsonAsync($"{Incidents}/{id}");
        Assert.Multiple(() =>
        {
            Assert.That(StringOf(resolved, "status"), Is.EqualTo("resolved"));
            Assert.That(resolved["resolved_at"], Is.Not.Null);
            Assert.That(fetched["updates"]!.AsArray(), Has.Count.EqualTo(2), "the refused update was not stored");
            Assert.That(StringOf(fetched, "status"), Is.EqualTo("resolved"));
        });
        Assert.That(StringOf(await AnonymousJsonAsync($"{Services}/{api}"), "status"), Is.EqualTo("operational"));
    }

    [Test]
    public async Task Resolving_without_service_status_leaves_the_services_as_they_are()
    {
        using var admin = await AdminClientAsync();
        var api = IdOf(await CreateServiceAsync(admin, "api"));
        var id = IdOf(await CreateIncidentAsync(admin, "Outage", [api], "Down.", serviceStatus: "major_outage"));

        await AddUpdateAsync(admin, id, "resolved", "Closing this incident.");

        Assert.That(StringOf(await AnonymousJsonAsync($"{Services}/{api}"), "status"), Is.EqualTo("major_outage"));
    }

    [Test]
    public async Task Incidents_list_is_newest_first_and_unresolved_true_shows_only_open_incidents()
    {
        using var admin = await AdminClientAsync();
        var api = IdOf(await CreateServiceAsync(admin, "api"));
        var first = IdOf(await CreateIncidentAsync(admin, "First", [api]));
        var second = IdOf(await CreateIncidentAsync(admin, "Second", [api]));
        var third = IdOf(await CreateIncidentAsync(admin, "Third", []));
        await AddUpdateAsync(admin, second, "resolved", "Done.");

        var all = await AnonymousJsonAsync(Incidents);
        var open = await AnonymousJsonAsync($"{Incidents}?unresolved=true");
        var closed = await AnonymousJsonAsync($"{Incidents}?unresolved=false");

        Assert.Multiple(() =>
        {
            Assert.That(ItemsOf(all).Select(IdOf), Is.EqualTo(new[] { third, second, first }));
            Assert.That(ItemsOf(all).Select(i => Keys(i)), Has.All.EquivalentTo(IncidentFields));
            Assert.That(ItemsOf(open).Select(IdOf), Is.EqualTo(new[] { third, first }));
            Assert.That(ItemsOf(closed).Select(IdOf), Is.EqualTo(new[] { second }));
        });
    }

    [Test]
    public async Task Incidents_list_pages_by_cursor_with_a_Link_header()
    {
        using var admin = await AdminClientAsync();
        var ids = new List<Guid>();
        for (var i = 0; i < 3; i++)
        {
            ids.Add(IdOf(await CreateIncidentAsync(admin, $"Incident {i}", [])));
        }

        var first = await AnonymousGetAsync($"{Incidents}?page_size=2");
        var firstPage = await JsonAsync(first);
        var cursor = StringOf(firstPage, "next_cursor");
        Assert.That(cursor, Is.Not.Null, firstPage.ToJsonString());
        var secondPage = await AnonymousJsonAsync($"{Incidents}?page_size=2&cursor={Uri.EscapeDataString(cursor!)}");

        Assert.Multiple(() =>
        {
            Assert.That(ItemsOf(firstPage).Select(IdOf), Is.EqualTo(new[] { ids[2], ids[1] }));
            Assert.That(Header(first, "Link"), Does.Contain("rel=\"next\""));
            Assert.That(ItemsOf(secondPage).Select(IdOf), Is.EqualTo(new[] { ids[0] }));
            Assert.That(secondPage["next_cursor"], Is.Null);
        });
    }

    [Test]
    public async Task An_unknown_incident_is_404_status_incident_not_found_for_GET_and_for_updates()
    {
        using var admin = await AdminClientAsync();

        await AssertProblemAsync(await AnonymousGetAsync($"{Incidents}/{Guid.NewGuid()}"), 404, "status.incident_not_found");
        await AssertProblemAsync(
            await SendAsync(admin, HttpMethod.Post, $"{Incidents}/{Guid.NewGuid()}/updates", """{"status":"identified","message":"Hm."}"""),
            404,
            "status.incident_not_found");
    }

    [Test]
    public async Task Schedule_maintenance_is_201_with_Location_and_the_maintenance_scheduled()
    {
        using var admin = await AdminClientAsync();
        using var agent = await AgentClientAsync();
        var api = IdOf(await CreateServiceAsync(admin, "api"));
        var startsAt = new DateTimeOffset(DateTime.UtcNow.Date.AddDays(2).AddHours(1), TimeSpan.Zero);
        var endsAt = startsAt.AddHours(2);

        var response = await SendAsync(
            agent,
            HttpMethod.Post,
            Maintenances,
            $$"""{"title":"Database upgrade","description":"PostgreSQL 18","starts_at":"{{Iso(startsAt)}}","ends_at":"{{Iso(endsAt)}}","affected_service_ids":["{{api}}"]}""");
        var body = await JsonAsync(response);

        Assert.Multiple(() =>
        {
            Assert.That((int)response.StatusCode, Is.EqualTo(201), body.ToJsonString());
            Assert.That(response.Headers.Location?.ToString(), Is.EqualTo($"{Maintenances}/{IdOf(body)}"));
            Assert.That(response.Headers.ETag?.ToString(), Is.EqualTo("\"v1\""));
            Assert.That(Keys(body), Is.EquivalentTo(MaintenanceFields));
            Assert.That(StringOf(body, "title"), Is.EqualTo("Database upgrade"));
            Assert.That(StringOf(body, "description"), Is.EqualTo("PostgreSQL 18"));
            Assert.That(TimeOf(body, "starts_at"), Is.EqualTo(startsAt));
            Assert.That(TimeOf(body, "ends_at"), Is.EqualTo(endsAt));
            Assert.That(body["affected_service_ids"]!.AsArray().Select(n => n!.GetValue<Guid>()), Is.EqualTo(new[] { api }));
            Assert.That(StringOf(body, "status"), Is.EqualTo("scheduled"));
            Assert.That(body["started_at"], Is.Null);
            Assert.That(body["completed_at"], Is.Null);
            Assert.That(body["version"]?.GetValue<int>(), Is.EqualTo(1));
        });
        Assert.That(StringOf(await AnonymousJsonAsync($"{Services}/{api}"), "status"), Is.EqualTo("operational"), "scheduling changes no status before the window starts");
    }

    [Test]
    public async Task Maintenances_are_listed_latest_start_first_and_each_resolves_by_id()
    {
        using var admin = await AdminClientAsync();
        var api = IdOf(await CreateServiceAsync(admin, "api"));
        var soon = DateTimeOffset.UtcNow.AddDays(1);
        var early = await ScheduleMaintenanceAsync(admin, "Early", [api], soon, soon.AddHours(1));
        var late = await ScheduleMaintenanceAsync(admin, "Late", [api], soon.AddDays(3), soon.AddDays(3).AddHours(1));
        var middle = await ScheduleMaintenanceAsync(admin, "Middle", [api], soon.AddDays(1), soon.AddDays(1).AddHours(1));

        var list = await AnonymousJsonAsync(Maintenances);
        var fetched = await AnonymousGetAsync($"{Maintenances}/{IdOf(middle)}");

        Assert.Multiple(async () =>
        {
            Assert.That(ItemsOf(list).Select(IdOf), Is.EqualTo(new[] { IdOf(late), IdOf(middle), IdOf(early) }), "keyset by starts_at, latest first");
            Assert.That(ItemsOf(list).Select(i => Keys(i)), Has.All.EquivalentTo(MaintenanceFields));
            Assert.That((int)fetched.StatusCode, Is.EqualTo(200));
            Assert.That((await JsonAsync(fetched)).ToJsonString(), Is.EqualTo(middle.ToJsonString()));
            Assert.That(fetched.Headers.CacheControl?.ToString(), Is.EqualTo("public, max-age=15"));
        });
        await AssertProblemAsync(await AnonymousGetAsync($"{Maintenances}/{Guid.NewGuid()}"), 404, "status.maintenance_not_found");
    }

    [Test]
    public async Task Get_incident_sends_an_ETag_and_answers_a_matching_If_None_Match_with_304()
    {
        using var admin = await AdminClientAsync();
        var id = IdOf(await CreateIncidentAsync(admin, "Blip", []));
        var first = await AnonymousGetAsync($"{Incidents}/{id}");
        var etag = first.Headers.ETag?.ToString();
        Assert.That(etag, Is.Not.Null);

        var again = await AnonymousGetAsync($"{Incidents}/{id}", new Dictionary<string, string> { ["If-None-Match"] = etag! });

        Assert.Multiple(async () =>
        {
            Assert.That((int)again.StatusCode, Is.EqualTo(304));
            Assert.That(await again.Content.ReadAsStringAsync(), Is.Empty);
        });
    }

    [Test]
    public async Task The_incident_updates_keep_what_each_update_set()
    {
        using var admin = await AdminClientAsync();
        var api = IdOf(await CreateServiceAsync(admin, "api"));
        var id = IdOf(await CreateIncidentAsync(admin, "Errors", [api], "Looking.", serviceStatus: "partial_outage"));

        var incident = await AddUpdateAsync(admin, id, "monitoring", "Fix deployed.");

        var byMessage = UpdatesOf(incident).ToDictionary(u => StringOf(u, "message")!, u => StringOf(u, "service_status"));
        Assert.That(byMessage, Is.EquivalentTo(new Dictionary<string, string?> { ["Looking."] = "partial_outage", ["Fix deployed."] = null }));
    }

    private static JsonArray UpdatesOf(JsonObject incident) => incident["updates"]!.AsArray();
}
