using System.Text.Json.Nodes;
using NUnit.Framework;

namespace Platform.Api.Tests;

/// <summary>Services on the status page (admin CRUD), their status events, and their uptime history.</summary>
public sealed class MonitoredServiceApiTests : StatusApiTestBase
{
    [Test]
    public async Task Create_returns_201_with_Location_ETag_v1_and_the_service_with_exactly_the_documented_fields()
    {
        using var admin = await AdminClientAsync();

        var response = await SendAsync(admin, HttpMethod.Post, Services, """{"slug":"api","name":"Public API","description":"REST endpoints","group":"Core","display_order":3}""");
        var body = await JsonAsync(response);

        Assert.Multiple(() =>
        {
            Assert.That((int)response.StatusCode, Is.EqualTo(201), body.ToJsonString());
            Assert.That(response.Headers.Location?.ToString(), Is.EqualTo($"{Services}/{IdOf(body)}"));
            Assert.That(response.Headers.ETag?.ToString(), Is.EqualTo("\"v1\""));
            Assert.That(Keys(body), Is.EquivalentTo(ServiceFields));
            Assert.That(StringOf(body, "slug"), Is.EqualTo("api"));
            Assert.That(StringOf(body, "name"), Is.EqualTo("Public API"));
            Assert.That(StringOf(body, "description"), Is.EqualTo("REST endpoints"));
            Assert.That(StringOf(body, "group"), Is.EqualTo("Core"));
            Assert.That(body["display_order"]?.GetValue<int>(), Is.EqualTo(3));
            Assert.That(StringOf(body, "status"), Is.EqualTo("operational"), "a new service is operational until an event says otherwise");
            Assert.That(body["status_changed_at"], Is.Null);
            Assert.That(body["version"]?.GetValue<int>(), Is.EqualTo(1));
            Assert.That(StringOf(body, "updated_at"), Is.EqualTo(StringOf(body, "created_at")));
        });
    }

    [Test]
    public async Task The_Location_of_a_created_service_resolves_anonymously_to_the_same_service_and_the_list_contains_it()
    {
        using var admin = await AdminClientAsync();
        var createdResponse = await SendAsync(admin, HttpMethod.Post, Services, """{"slug":"web","name":"Website"}""");
        var created = await CreatedAsync(createdResponse);

        var get = await AnonymousGetAsync(createdResponse.Headers.Location!.ToString());
        var fetched = await JsonAsync(get);
        var list = await AnonymousJsonAsync(Services);

        Assert.Multiple(() =>
        {
            Assert.That((int)get.StatusCode, Is.EqualTo(200));
            Assert.That(fetched.ToJsonString(), Is.EqualTo(created.ToJsonString()));
            Assert.That(get.Headers.ETag, Is.Not.Null);
            Assert.That(get.Headers.CacheControl?.ToString(), Is.EqualTo("public, max-age=15"));
            Assert.That(Keys(list), Is.EqualTo(new[] { "items" }));
            Assert.That(ItemsOf(list).Select(i => i!.ToJsonString()), Is.EqualTo(new[] { created.ToJsonString() }));
            Assert.That(StringOf(created, "description"), Is.EqualTo(string.Empty), "description defaults to empty");
            Assert.That(created["group"], Is.Null);
            Assert.That(created["display_order"]?.GetValue<int>(), Is.Zero);
        });
    }

    [Test]
    public async Task Patch_changes_only_the_properties_present_and_returns_200_with_ETag_v2()
    {
        using var admin = await AdminClientAsync();
        var created = await CreateServiceAsync(admin, "db", "Database", group: "Core", displayOrder: 2, description: "Primary");

        var response = await PatchAsync(admin, $"{Services}/{IdOf(created)}", """{"name":"Main database"}""", ifMatch: "\"v1\"");
        var body = await JsonAsync(response);
        var fetched = await AnonymousJsonAsync($"{Services}/{IdOf(created)}");

        Assert.Multiple(() =>
        {
            Assert.That((int)response.StatusCode, Is.EqualTo(200), body.ToJsonString());
            Assert.That(response.Headers.ETag?.ToString(), Is.EqualTo("\"v2\""));
            Assert.That(Keys(body), Is.EquivalentTo(ServiceFields));
            Assert.That(StringOf(body, "name"), Is.EqualTo("Main database"));
            Assert.That(StringOf(body, "slug"), Is.EqualTo("db"));
            Assert.That(StringOf(body, "description"), Is.EqualTo("Primary"));
            Assert.That(StringOf(body, "group"), Is.EqualTo("Core"));
            Assert.That(body["display_order"]?.GetValue<int>(), Is.EqualTo(2));
            Assert.That(body["version"]?.GetValue<int>(), Is.EqualTo(2));
            Assert.That(fetched.ToJsonString(), Is.EqualTo(body.ToJsonString()), "GET shows the patched service");
        });
    }

    [Test]
    public async Task Patch_with_group_null_removes_the_group_and_keeps_the_rest()
    {
        using var admin = await AdminClientAsync();
        var created = await CreateServiceAsync(admin, "db", "Database", group: "Core");

        var body = await JsonAsync(await PatchAsync(admin, $"{Services}/{IdOf(created)}", """{"group":null}"""));

        Assert.Multiple(() =>
        {
            Assert.That(body.ContainsKey("group") && body["group"] is null, Is.True, body.ToJsonString());
            Assert.That(StringOf(body, "name"), Is.EqualTo("Database"));
        });
    }

    [Test]
    public async Task Patch_with_a_stale_If_Match_is_412_precondition_failed_and_changes_nothing()
    {
        using var admin = await AdminClientAsync();
        var created = await CreateServiceAsync(admin, "db", "Database");
        var id = IdOf(created);
        Assert.That((int)(await PatchAsync(admin, $"{Services}/{id}", """{"name":"Second"}""", ifMatch: "\"v1\"")).StatusCode, Is.EqualTo(200));

        var stale = await PatchAsync(admin, $"{Services}/{id}", """{"name":"Third"}""", ifMatch: "\"v1\"");

        await AssertProblemAsync(stale, 412, "precondition.failed");
        var fetched = await AnonymousJsonAsync($"{Services}/{id}");
        Assert.Multiple(() =>
        {
            Assert.That(StringOf(fetched, "name"), Is.EqualTo("Second"));
            Assert.That(fetched["version"]?.GetValue<int>(), Is.EqualTo(2));
        });
    }

    [Test]
    public async Task Patch_with_the_ETag_that_GET_returned_as_If_Match_succeeds()
    {
        // The optimistic-concurrency round trip a client makes: read the service, then patch "if it is still what I read".
        using var admin = await AdminClientAsync();
        var id = IdOf(await CreateServiceAsync(admin, "db", "Database"));
        var get = await AnonymousGetAsync($"{Services}/{id}");
        var etag = get.Headers.ETag?.ToString();
        Assert.That(etag, Is.Not.Null);

        var response = await PatchAsync(admin, $"{Services}/{id}", """{"name":"Renamed"}""", ifMatch: etag);

        Assert.That((int)response.StatusCode, Is.EqualTo(200), $"If-Match {etag} (the ETag GET sent): {await response.Content.ReadAsStringAsync()}");
    }

    [Test]
    public async Task Create_with_a_slug_already_taken_is_409_status_slug_taken()
    {
        using var admin = await AdminClientAsync();
        await CreateServiceAsync(admin, "api");

        var response = await SendAsync(admin, HttpMethod.Post, Services, """{"slug":"api","name":"Another API"}""");

        await AssertProblemAsync(response, 409, "status.slug_taken");
        Assert.That(ItemsOf(await AnonymousJsonAsync(Services)), Has.Count.EqualTo(1));
    }

    [Test]
    public async Task Delete_is_204_then_the_service_is_404_status_service_not_found_everywhere()
    {
        using var admin = await AdminClientAsync();
        var id = IdOf(await CreateServiceAsync(admin, "api"));
        var kept = IdOf(await CreateServiceAsync(admin, "web"));

        var deleted = await SendAsync(admin, HttpMethod.Delete, $"{Services}/{id}");

        Assert.Multiple(async () =>
        {
            Assert.That((int)deleted.StatusCode, Is.EqualTo(204));
            Assert.That(await deleted.Content.ReadAsStringAsync(), Is.Empty);
        });
        await AssertProblemAsync(await AnonymousGetAsync($"{Services}/{id}"), 404, "status.service_not_found");
        await AssertProblemAsync(await SendAsync(admin, HttpMethod.Delete, $"{Services}/{id}"), 404, "status.service_not_found");
        await AssertProblemAsync(await PatchAsync(admin, $"{Services}/{id}", """{"name":"Back"}"""), 404, "status.service_not_found");
        await AssertProblemAsync(await SendAsync(admin, HttpMethod.Post, $"{Services}/{id}/events", """{"status":"major_outage"}"""), 404, "status.service_not_found");
        await AssertProblemAsync(await AnonymousGetAsync($"{Services}/{id}/events"), 404, "status.service_not_found");
        Assert.That(ItemsOf(await AnonymousJsonAsync(Services)).Select(IdOf), Is.EqualTo(new[] { kept }));
    }

    [Test]
    public async Task Delete_is_409_while_an_unresolved_incident_or_pending_maintenance_names_the_service()
    {
        using var admin = await AdminClientAsync();
        var withIncident = IdOf(await CreateServiceAsync(admin, "api"));
        var withMaintenance = IdOf(await CreateServiceAsync(admin, "web"));
        var incident = IdOf(await CreateIncidentAsync(admin, "API errors", [withIncident]));
        await ScheduleMaintenanceAsync(admin, "Upgrade", [withMaintenance], DateTimeOffset.UtcNow.AddDays(1), DateTimeOffset.UtcNow.AddDays(1).AddHours(1));

        await AssertProblemAsync(await SendAsync(admin, HttpMethod.Delete, $"{Services}/{withIncident}"), 409, "status.service_has_open_incidents");
        await AssertProblemAsync(await SendAsync(admin, HttpMethod.Delete, $"{Services}/{withMaintenance}"), 409, "status.service_has_pending_maintenance");
        Assert.That(ItemsOf(await AnonymousJsonAsync(Services)), Has.Count.EqualTo(2));

        await AddUpdateAsync(admin, incident, "resolved", "Fixed.");
        var afterResolve = await SendAsync(admin, HttpMethod.Delete, $"{Services}/{withIncident}");
        Assert.That((int)afterResolve.StatusCode, Is.EqualTo(204), await afterResolve.Content.ReadAsStringAsync());
    }

    [Test]
    public async Task Recording_an_event_is_201_with_a_Location_that_resolves_anonymously_and_sets_the_service_status()
    {
        using var admin = await AdminClientAsync();
        using var agent = await AgentClientAsync();
        var serviceId = IdOf(await CreateServiceAsync(admin, "api"));

        var response = await SendAsync(agent, HttpMethod.Post, $"{Services}/{serviceId}/events", """{"status":"degraded_performance","message":"Slow responses"}""");
        var recorded = await JsonAsync(response);
        var location = response.Headers.Location?.ToString();
        var fetched = await AnonymousGetAsync(location ?? "/missing");
        var service = await AnonymousJsonAsync($"{Services}/{serviceId}");

        Assert.Multiple(async () =>
        {
            Assert.That((int)response.StatusCode, Is.EqualTo(201), recorded.ToJsonString());
            Assert.That(location, Is.EqualTo($"{Services}/{serviceId}/events/{IdOf(recorded)}"));
            Assert.That(Keys(recorded), Is.EquivalentTo(EventFields));
            Assert.That(GuidOf(recorded, "service_id"), Is.EqualTo(serviceId));
            Assert.That(StringOf(recorded, "status"), Is.EqualTo("degraded_performance"));
            Assert.That(StringOf(recorded, "message"), Is.EqualTo("Slow responses"));
            Assert.That(TimeOf(recorded, "occurred_at"), Is.EqualTo(DateTimeOffset.UtcNow).Within(TimeSpan.FromMinutes(1)), "occurred_at defaults to now");
            Assert.That((int)fetched.StatusCode, Is.EqualTo(200));
            Assert.That((await JsonAsync(fetched)).ToJsonString(), Is.EqualTo(recorded.ToJsonString()));
            Assert.That(StringOf(service, "status"), Is.EqualTo("degraded_performance"));
            Assert.That(TimeOf(service, "status_changed_at"), Is.EqualTo(TimeOf(recorded, "occurred_at")));
        });
    }

    [Test]
    public async Task The_current_status_is_the_latest_event_by_occurred_at_not_the_latest_recorded()
    {
        using var admin = await AdminClientAsync();
        var serviceId = IdOf(await CreateServiceAsync(admin, "api"));
        await RecordEventAsync(admin, serviceId, "major_outage", occurredAt: DateTimeOffset.UtcNow.AddMinutes(-5));

        await RecordEventAsync(admin, serviceId, "degraded_performance", "Back-filled from the log", DateTimeOffset.UtcNow.AddHours(-2));

        Assert.That(StringOf(await AnonymousJsonAsync($"{Services}/{serviceId}"), "status"), Is.EqualTo("major_outage"));
    }

    [Test]
    public async Task Events_list_is_newest_occurred_at_first_in_keyset_pages_with_next_cursor_and_a_Link_header()
    {
        using var admin = await AdminClientAsync();
        var serviceId = IdOf(await CreateServiceAsync(admin, "api"));
        var now = DateTimeOffset.UtcNow;
        var e3 = IdOf(await RecordEventAsync(admin, serviceId, "major_outage", "third", now.AddMinutes(-10)));
        var e1 = IdOf(await RecordEventAsync(admin, serviceId, "degraded_performance", "first", now.AddMinutes(-30)));
        var e4 = IdOf(await RecordEventAsync(admin, serviceId, "operational", "fourth", now.AddMinutes(-1)));
        var e2 = IdOf(await RecordEventAsync(admin, serviceId, "partial_outage", "second", now.AddMinutes(-20)));
        var otherService = IdOf(await CreateServiceAsync(admin, "web"));
        await RecordEventAsync(admin, otherService, "major_outage");

        var first = await AnonymousGetAsync($"{Services}/{serviceId}/events?page_size=2");
        var firstPage = await JsonAsync(first);
        var cursor = StringOf(firstPage, "next_cursor");
        Assert.That(cursor, Is.Not.Null.And.Not.Empty, firstPage.ToJsonString());
        var second = await AnonymousGetAsync($"{Services}/{serviceId}/events?page_size=2&cursor={Uri.EscapeDataString(cursor!)}");
        var secondPage = await JsonAsync(second);

        Assert.Multiple(() =>
        {
            Assert.That((int)first.StatusCode, Is.EqualTo(200));
            Assert.That(ItemsOf(firstPage).Select(IdOf), Is.EqualTo(new[] { e4, e3 }));
            Assert.That(ItemsOf(firstPage).Select(i => Keys(i)), Has.All.EquivalentTo(EventFields));
            Assert.That(Header(first, "Link"), Does.Contain("rel=\"next\"").And.Contain(Uri.EscapeDataString(cursor!)));
            Assert.That(first.Headers.CacheControl?.ToString(), Is.EqualTo("public, max-age=15"));
            Assert.That((int)second.StatusCode, Is.EqualTo(200));
            Assert.That(ItemsOf(secondPage).Select(IdOf), Is.EqualTo(new[] { e2, e1 }));
            Assert.That(secondPage["next_cursor"], Is.Null);
            Assert.That(secondPage.ContainsKey("total"), Is.False, "a keyset page has no total");
            Assert.That(Header(second, "Link"), Is.Null, "no Link on the last page");
        });
    }

    [Test]
    public async Task Get_event_of_another_service_or_unknown_id_is_404_status_event_not_found()
    {
        using var admin = await AdminClientAsync();
        var api = IdOf(await CreateServiceAsync(admin, "api"));
        var web = IdOf(await CreateServiceAsync(admin, "web"));
        var eventId = IdOf(await RecordEventAsync(admin, api, "major_outage"));

        await AssertProblemAsync(await AnonymousGetAsync($"{Services}/{web}/events/{eventId}"), 404, "status.event_not_found");
        await AssertProblemAsync(await AnonymousGetAsync($"{Services}/{api}/events/{Guid.NewGuid()}"), 404, "status.event_not_found");
    }

    [Test]
    public async Task Uptime_has_the_documented_shape_and_90_days_oldest_first_ending_today_UTC()
    {
        using var admin = await AdminClientAsync();
        var service = await CreateServiceAsync(admin, "api", "Public API");

        var response = await AnonymousGetAsync($"{Services}/api/uptime");
        var body = await JsonAsync(response);
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var days = body["days"]!.AsArray();
        var dates = days.Select(d => DateOnly.Parse(d!["date"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture)).ToList();

        Assert.Multiple(() =>
        {
            Assert.That((int)response.StatusCode, Is.EqualTo(200), body.ToJsonString());
            Assert.That(response.Headers.CacheControl?.ToString(), Is.EqualTo("public, max-age=15"));
            Assert.That(Keys(body), Is.EquivalentTo(new[] { "service", "days", "uptime_percent" }));
            Assert.That(Keys(body["service"]), Is.EquivalentTo(new[] { "id", "slug", "name" }));
            Assert.That(IdOf(body["service"]), Is.EqualTo(IdOf(service)));
            Assert.That(StringOf(body["service"], "slug"), Is.EqualTo("api"));
            Assert.That(StringOf(body["service"], "name"), Is.EqualTo("Public API"));
            Assert.That(days, Has.Count.EqualTo(90));
            Assert.That(days.Select(d => Keys(d)), Has.All.EquivalentTo(new[] { "date", "uptime_percent", "worst_status" }));
            Assert.That(dates[^1], Is.EqualTo(today), "the last day is today (UTC)");
            Assert.That(dates[0], Is.EqualTo(today.AddDays(-89)));
            Assert.That(dates, Is.Ordered.Ascending.And.Unique);
            Assert.That(days[0]!["uptime_percent"], Is.Null, "days before the service existed are not counted");
            Assert.That(days[^1]!["uptime_percent"]?.GetValue<double>(), Is.EqualTo(100), "operational since it was created today");
            Assert.That(StringOf(days[^1], "worst_status"), Is.EqualTo("operational"));
            Assert.That(body["uptime_percent"]?.GetValue<double>(), Is.EqualTo(100));
        });
    }

    [Test]
    public async Task Uptime_days_sets_the_number_of_days_and_an_outage_today_shows_as_the_worst_status()
    {
        using var admin = await AdminClientAsync();
        var serviceId = IdOf(await CreateServiceAsync(admin, "api"));
        await RecordEventAsync(admin, serviceId, "major_outage");
        await RecordEventAsync(admin, serviceId, "operational");

        var body = await AnonymousJsonAsync($"{Services}/api/uptime?days=7");
        var days = body["days"]!.AsArray();

        Assert.Multiple(() =>
        {
            Assert.That(days, Has.Count.EqualTo(7));
            Assert.That(StringOf(days[^1], "date"), Is.EqualTo(DateOnly.FromDateTime(DateTime.UtcNow).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)));
            Assert.That(StringOf(days[^1], "worst_status"), Is.EqualTo("major_outage"));
        });
    }

    [Test]
    public async Task Uptime_of_an_unknown_slug_is_404_status_service_not_found()
    {
        using var admin = await AdminClientAsync();
        await CreateServiceAsync(admin, "api");

        await AssertProblemAsync(await AnonymousGetAsync($"{Services}/nope/uptime"), 404, "status.service_not_found");
    }
}
