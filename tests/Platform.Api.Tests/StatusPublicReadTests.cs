using System.Text.Json.Nodes;
using NUnit.Framework;

namespace Platform.Api.Tests;

/// <summary>
/// The public reads of the status snapshot: our JSON, the Statuspage-compatible documents, the Atom feed and the
/// HTML page. Anonymous, cacheable (ETag, <c>public, max-age=15</c>, 304), rate limited, and all telling the same
/// overall status by Statuspage's rule table.
/// </summary>
public sealed class StatusPublicReadTests : StatusApiTestBase
{
    private const string V1 = "/api/v1/status";
    private const string StatusJson = "/api/v2/status.json";
    private const string SummaryJson = "/api/v2/summary.json";
    private const string Feed = "/api/v1/status/incidents.atom";
    private const string Page = "/status";

    private static readonly string[] ComponentFields =
        ["id", "name", "status", "created_at", "updated_at", "position", "description", "showcase", "start_date", "group_id", "page_id", "group", "only_show_if_degraded", "components"];

    private static readonly string[] StatuspageIncidentFields =
        ["id", "name", "status", "created_at", "updated_at", "monitoring_at", "resolved_at", "impact", "shortlink", "started_at", "page_id", "incident_updates", "components"];

    private static readonly string[] StatuspageUpdateFields =
        ["id", "status", "body", "incident_id", "created_at", "updated_at", "display_at", "affected_components", "deliver_notifications", "custom_tweet", "tweet_id"];

    [TestCase(V1, "application/json")]
    [TestCase(StatusJson, "application/json")]
    [TestCase(SummaryJson, "application/json")]
    [TestCase(Feed, "application/atom+xml")]
    [TestCase(Page, "text/html")]
    public async Task A_public_read_is_anonymous_cacheable_for_15_seconds_rate_limited_and_304_on_a_matching_If_None_Match(string url, string mediaType)
    {
        using var admin = await AdminClientAsync();
        var serviceId = IdOf(await CreateServiceAsync(admin, "api"));
        await CreateIncidentAsync(admin, "Slow", [serviceId], serviceStatus: "degraded_performance");

        var first = await AnonymousGetAsync(url);
        var etag = first.Headers.ETag?.ToString();
        var text = await first.Content.ReadAsStringAsync();
        Assert.Multiple(() =>
        {
            Assert.That((int)first.StatusCode, Is.EqualTo(200), text);
            Assert.That(first.Content.Headers.ContentType?.MediaType, Is.EqualTo(mediaType));
            Assert.That(etag, Does.Match("^\"[^\"]+\"$"), "a strong ETag");
            Assert.That(first.Headers.CacheControl?.ToString(), Is.EqualTo("public, max-age=15"));
            Assert.That(Header(first, "X-RateLimit-Limit"), Does.Match("^[0-9]+$"));
            Assert.That(Header(first, "X-RateLimit-Remaining"), Does.Match("^[0-9]+$"));
            Assert.That(Header(first, "X-RateLimit-Reset"), Does.Match("^[0-9]+$"));
            Assert.That(text, Is.Not.Empty);
        });

        var again = await AnonymousGetAsync(url, new Dictionary<string, string> { ["If-None-Match"] = etag! });

        Assert.Multiple(async () =>
        {
            Assert.That((int)again.StatusCode, Is.EqualTo(304));
            Assert.That(await again.Content.ReadAsByteArrayAsync(), Is.Empty);
            Assert.That(again.Headers.ETag?.ToString(), Is.EqualTo(etag), "a 304 repeats the ETag");
            Assert.That(again.Headers.CacheControl?.ToString(), Is.EqualTo("public, max-age=15"));
        });
    }

    [TestCase(V1)]
    [TestCase(SummaryJson)]
    [TestCase(Page)]
    public async Task A_non_matching_If_None_Match_gets_the_full_body(string url)
    {
        using var admin = await AdminClientAsync();
        await CreateServiceAsync(admin, "api");

        var response = await AnonymousGetAsync(url, new Dictionary<string, string> { ["If-None-Match"] = "\"something-else\"" });

        Assert.Multiple(async () =>
        {
            Assert.That((int)response.StatusCode, Is.EqualTo(200));
            Assert.That(await response.Content.ReadAsStringAsync(), Is.Not.Empty);
        });
    }

    [Test]
    public async Task Public_reads_are_counted_per_client_IP_by_the_anonymous_tier()
    {
        using var admin = await AdminClientAsync();
        await CreateServiceAsync(admin, "api");
        using var alice = Client(clientIp: "203.0.113.7");
        using var bob = Client(clientIp: "203.0.113.8");

        var a1 = await alice.GetAsync(V1);
        var a2 = await alice.GetAsync(Page);
        var b1 = await bob.GetAsync(SummaryJson);

        var limit = long.Parse(Header(a1, "X-RateLimit-Limit")!, System.Globalization.CultureInfo.InvariantCulture);
        var remaining = (long.Parse(Header(a1, "X-RateLimit-Remaining")!, System.Globalization.CultureInfo.InvariantCulture),
            long.Parse(Header(a2, "X-RateLimit-Remaining")!, System.Globalization.CultureInfo.InvariantCulture),
            long.Parse(Header(b1, "X-RateLimit-Remaining")!, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Multiple(() =>
        {
            Assert.That(remaining.Item2, Is.EqualTo(remaining.Item1 - 1), "the second read from the same IP counts against the same window");
            Assert.That(remaining.Item3, Is.EqualTo(limit - 1), "another IP has its own window");
        });
    }

    [Test]
    public async Task V1_status_has_the_overall_status_services_unresolved_incidents_and_upcoming_maintenance()
    {
        using var admin = await AdminClientAsync();
        var api = await CreateServiceAsync(admin, "api", "API");
        var web = await CreateServiceAsync(admin, "web", "Website", group: "Frontend");
        var outage = await RecordEventAsync(admin, IdOf(api), "partial_outage", "Errors", DateTimeOffset.UtcNow.AddMinutes(-1));
        var open = await CreateIncidentAsync(admin, "Errors on the API", [IdOf(api)]);
        var closed = IdOf(await CreateIncidentAsync(admin, "Old", [IdOf(web)]));
        await AddUpdateAsync(admin, closed, "resolved", "Done.");
        var maintenance = await ScheduleMaintenanceAsync(admin, "Upgrade", [IdOf(web)], DateTimeOffset.UtcNow.AddDays(1), DateTimeOffset.UtcNow.AddDays(1).AddHours(1));

        var body = await AnonymousJsonAsync(V1);
        var services = body["services"]!.AsArray();

        Assert.Multiple(() =>
        {
            Assert.That(Keys(body), Is.EquivalentTo(new[] { "status", "services", "incidents", "maintenances" }));
            Assert.That(Keys(body["status"]), Is.EquivalentTo(new[] { "indicator", "description" }));
            Assert.That(StringOf(body["status"], "indicator"), Is.EqualTo("minor"));
            Assert.That(StringOf(body["status"], "description"), Is.EqualTo("Minor Service Outage"));
            Assert.That(services.Select(s => Keys(s)), Has.All.EquivalentTo(new[] { "id", "slug", "name", "group", "status", "updated_at" }));
            Assert.That(services.Select(IdOf), Is.EqualTo(new[] { IdOf(api), IdOf(web) }), "ungrouped services first");
            Assert.That(StringOf(services[0], "status"), Is.EqualTo("partial_outage"));
            Assert.That(TimeOf(services[0], "updated_at"), Is.EqualTo(TimeOf(outage, "occurred_at")), "updated_at is when the status changed");
            Assert.That(StringOf(services[1], "group"), Is.EqualTo("Frontend"));
            Assert.That(services[0]!["group"], Is.Null);
            Assert.That(StringOf(services[1], "status"), Is.EqualTo("operational"));
            Assert.That(body["incidents"]!.AsArray().Select(IdOf), Is.EqualTo(new[] { IdOf(open) }), "only unresolved incidents");
            Assert.That(body["incidents"]![0]!.ToJsonString(), Is.EqualTo(open.ToJsonString()), "an incident as its own endpoint shows it, with updates");
            Assert.That(body["maintenances"]!.AsArray().Select(IdOf), Is.EqualTo(new[] { IdOf(maintenance) }));
            Assert.That(body["maintenances"]![0]!.ToJsonString(), Is.EqualTo(maintenance.ToJsonString()));
        });
    }

    [Test]
    public async Task Status_json_has_only_page_and_status_in_Statuspage_shape()
    {
        using var admin = await AdminClientAsync();
        var api = IdOf(await CreateServiceAsync(admin, "api"));
        await RecordEventAsync(admin, api, "major_outage");

        var body = await AnonymousJsonAsync(StatusJson);

        Assert.Multiple(() =>
        {
            Assert.That(Keys(body), Is.EquivalentTo(new[] { "page", "status" }));
            Assert.That(Keys(body["page"]), Is.EquivalentTo(new[] { "id", "name", "url", "time_zone", "updated_at" }));
            Assert.That(StringOf(body["page"], "id"), Is.EqualTo("platform"));
            Assert.That(StringOf(body["page"], "name"), Is.EqualTo("Platform"));
            Assert.That(StringOf(body["page"], "url"), Is.EqualTo("/status"), "without StatusPage:PublicUrl the page URL is a path, never the request's Host");
            Assert.That(StringOf(body["page"], "time_zone"), Is.EqualTo("Etc/UTC"));
            Assert.That(TimeOf(body["page"], "updated_at"), Is.EqualTo(DateTimeOffset.UtcNow).Within(TimeSpan.FromMinutes(1)));
            Assert.That(Keys(body["status"]), Is.EquivalentTo(new[] { "indicator", "description" }));
            Assert.That(StringOf(body["status"], "indicator"), Is.EqualTo("critical"));
            Assert.That(StringOf(body["status"], "description"), Is.EqualTo("Major System Outage"));
        });
    }

    [Test]
    public async Task Summary_json_has_Statuspage_components_with_group_components_and_their_members()
    {
        using var admin = await AdminClientAsync();
        var api = IdOf(await CreateServiceAsync(admin, "api", "API", description: "REST"));
        var primary = IdOf(await CreateServiceAsync(admin, "db-primary", "Primary", group: "Databases", displayOrder: 1));
        var replica = IdOf(await CreateServiceAsync(admin, "db-replica", "Replica", group: "Databases", displayOrder: 2));
        await RecordEventAsync(admin, api, "degraded_performance");
        await RecordEventAsync(admin, replica, "partial_outage");

        var body = await AnonymousJsonAsync(SummaryJson);
        var components = body["components"]!.AsArray();
        var byName = components.ToDictionary(c => StringOf(c, "name")!, c => c!);

        Assert.Multiple(() =>
        {
            Assert.That(Keys(body), Is.EquivalentTo(new[] { "page", "components", "incidents", "scheduled_maintenances", "status" }));
            Assert.That(Keys(body["page"]), Is.EquivalentTo(new[] { "id", "name", "url", "time_zone", "updated_at" }));
            Assert.That(components.Where(c => c!["group"]!.GetValue<bool>()).Select(c => Keys(c)), Has.All.EquivalentTo(ComponentFields));
            Assert.That(
                components.Where(c => !c!["group"]!.GetValue<bool>()).Select(c => Keys(c)),
                Has.All.EquivalentTo(ComponentFields.Where(f => f != "components")),
                "as in Statuspage, only group components list members");
            Assert.That(byName.Keys, Is.EquivalentTo(new[] { "API", "Databases", "Primary", "Replica" }));
            Assert.That(components.Select(c => c!["page_id"]!.GetValue<string>()), Has.All.EqualTo("platform"));
            Assert.That(components.Select(c => c!["position"]!.GetValue<int>()), Is.Unique);

            Assert.That(StringOf(byName["API"], "id"), Is.EqualTo(api.ToString()));
            Assert.That(StringOf(byName["API"], "status"), Is.EqualTo("degraded_performance"));
            Assert.That(StringOf(byName["API"], "description"), Is.EqualTo("REST"));
            Assert.That(byName["API"]["group"]!.GetValue<bool>(), Is.False);
            Assert.That(byName["API"]["group_id"], Is.Null);

            var group = byName["Databases"];
            Assert.That(group["group"]!.GetValue<bool>(), Is.True);
            Assert.That(group["components"]!.AsArray().Select(n => n!.GetValue<string>()), Is.EquivalentTo(new[] { primary.ToString(), replica.ToString() }));
            Assert.That(StringOf(group, "status"), Is.EqualTo("partial_outage"), "a group shows its worst member");
            Assert.That(group["group_id"], Is.Null);
            Assert.That(StringOf(byName["Primary"], "group_id"), Is.EqualTo(StringOf(group, "id")));
            Assert.That(StringOf(byName["Replica"], "group_id"), Is.EqualTo(StringOf(group, "id")));
            Assert.That(StringOf(byName["Primary"], "status"), Is.EqualTo("operational"));
            Assert.That(StringOf(byName["Replica"], "status"), Is.EqualTo("partial_outage"));
            Assert.That(byName["Replica"]["group"]!.GetValue<bool>(), Is.False);

            Assert.That(StringOf(body["status"], "indicator"), Is.EqualTo("minor"));
            Assert.That(StringOf(body["status"], "description"), Is.EqualTo("Minor Service Outage"));
        });
    }

    [Test]
    public async Task Summary_json_lists_unresolved_incidents_with_updates_newest_first_and_scheduled_maintenance()
    {
        using var admin = await AdminClientAsync();
        var api = IdOf(await CreateServiceAsync(admin, "api", "API"));
        var incident = IdOf(await CreateIncidentAsync(admin, "Errors", [api], "First we looked.", impact: "major", serviceStatus: "partial_outage"));
        await AddUpdateAsync(admin, incident, "identified", "Then we found it.");
        var latest = await AddUpdateAsync(admin, incident, "monitoring", "Now we watch.");
        var resolved = IdOf(await CreateIncidentAsync(admin, "Over", [api]));
        await AddUpdateAsync(admin, resolved, "resolved", "Done.");
        var starts = DateTimeOffset.UtcNow.AddDays(2);
        var maintenance = await ScheduleMaintenanceAsync(admin, "Upgrade", [api], starts, starts.AddHours(3), "Minor version");

        var body = await AnonymousJsonAsync(SummaryJson);
        var incidents = body["incidents"]!.AsArray();
        var maintenances = body["scheduled_maintenances"]!.AsArray();

        Assert.That(incidents.Select(i => StringOf(i, "id")), Is.EqualTo(new[] { incident.ToString() }), "only unresolved incidents");
        var item = incidents[0]!;
        var updates = item["incident_updates"]!.AsArray();
        Assert.That(maintenances, Has.Count.EqualTo(1));
        var m = maintenances[0]!;
        Assert.Multiple(() =>
        {
            Assert.That(Keys(item), Is.EquivalentTo(StatuspageIncidentFields));
            Assert.That(StringOf(item, "name"), Is.EqualTo("Errors"));
            Assert.That(StringOf(item, "status"), Is.EqualTo("monitoring"));
            Assert.That(StringOf(item, "impact"), Is.EqualTo("major"));
            Assert.That(StringOf(item, "page_id"), Is.EqualTo("platform"));
            Assert.That(item["resolved_at"], Is.Null);
            Assert.That(item["monitoring_at"], Is.Not.Null, "the incident is being monitored");
            Assert.That(StringOf(item, "shortlink"), Does.EndWith($"#incident-{incident}"));
            Assert.That(item["components"]!.AsArray().Select(c => StringOf(c, "id")), Is.EqualTo(new[] { api.ToString() }));
            Assert.That(updates.Select(u => Keys(u)), Has.All.EquivalentTo(StatuspageUpdateFields));
            Assert.That(updates.Select(u => StringOf(u, "body")), Is.EqualTo(new[] { "Now we watch.", "Then we found it.", "First we looked." }), "newest first, body = message");
            Assert.That(updates.Select(u => StringOf(u, "status")), Is.EqualTo(new[] { "monitoring", "identified", "investigating" }));
            Assert.That(updates.Select(u => StringOf(u, "incident_id")), Has.All.EqualTo(incident.ToString()));
            Assert.That(TimeOf(updates[0], "created_at"), Is.EqualTo(TimeOf(latest["updates"]!.AsArray().Single(u => StringOf(u, "message") == "Now we watch."), "created_at")));

            Assert.That(Keys(m), Is.EquivalentTo(StatuspageIncidentFields.Concat(["scheduled_for", "scheduled_until"])));
            Assert.That(StringOf(m, "id"), Is.EqualTo(IdOf(maintenance).ToString()));
            Assert.That(StringOf(m, "name"), Is.EqualTo("Upgrade"));
            Assert.That(StringOf(m, "status"), Is.EqualTo("scheduled"));
            Assert.That(StringOf(m, "impact"), Is.EqualTo("maintenance"));
            Assert.That(TimeOf(m, "scheduled_for"), Is.EqualTo(TimeOf(maintenance, "starts_at")));
            Assert.That(TimeOf(m, "scheduled_until"), Is.EqualTo(TimeOf(maintenance, "ends_at")));
            Assert.That(m["components"]!.AsArray().Select(c => StringOf(c, "id")), Is.EqualTo(new[] { api.ToString() }));
        });
    }

    [TestCase("", "none", "All Systems Operational")]
    [TestCase("operational,operational", "none", "All Systems Operational")]
    [TestCase("major_outage,major_outage", "critical", "Major System Outage")]
    [TestCase("major_outage,under_maintenance", "critical", "Major System Outage")]
    [TestCase("major_outage,operational", "major", "Partial System Outage")]
    [TestCase("major_outage,partial_outage", "major", "Partial System Outage")]
    [TestCase("partial_outage,partial_outage", "major", "Partial System Outage")]
    [TestCase("partial_outage,operational", "minor", "Minor Service Outage")]
    [TestCase("partial_outage,degraded_performance", "minor", "Minor Service Outage")]
    [TestCase("degraded_performance,degraded_performance", "minor", "Degraded System Service")]
    [TestCase("degraded_performance,under_maintenance", "minor", "Degraded System Service")]
    [TestCase("degraded_performance,operational", "minor", "Partially Degraded Service")]
    [TestCase("under_maintenance,operational", "maintenance", "Service Under Maintenance")]
    [TestCase("under_maintenance,under_maintenance", "maintenance", "Service Under Maintenance")]
    public async Task The_overall_status_follows_the_rule_table_in_every_public_view(string statuses, string indicator, string description)
    {
        using var admin = await AdminClientAsync();
        var list = statuses.Split(',', StringSplitOptions.RemoveEmptyEntries);
        for (var i = 0; i < list.Length; i++)
        {
            var id = IdOf(await CreateServiceAsync(admin, $"service-{i}"));
            if (list[i] != "operational")
            {
                await RecordEventAsync(admin, id, list[i]);
            }
        }

        if (list.Length == 0)
        {
            // A change, so the page is rebuilt for this test: add a service and remove it again.
            var id = IdOf(await CreateServiceAsync(admin, "gone"));
            Assert.That((int)(await SendAsync(admin, HttpMethod.Delete, $"{Services}/{id}")).StatusCode, Is.EqualTo(204));
        }

        var v1 = await AnonymousJsonAsync(V1);
        var status = await AnonymousJsonAsync(StatusJson);
        var summary = await AnonymousJsonAsync(SummaryJson);
        var html = await (await AnonymousGetAsync(Page)).Content.ReadAsStringAsync();

        var expected = new JsonObject { ["indicator"] = indicator, ["description"] = description }.ToJsonString();
        Assert.Multiple(() =>
        {
            Assert.That(v1["status"]!.ToJsonString(), Is.EqualTo(expected), "/api/v1/status");
            Assert.That(status["status"]!.ToJsonString(), Is.EqualTo(expected), "/api/v2/status.json");
            Assert.That(summary["status"]!.ToJsonString(), Is.EqualTo(expected), "/api/v2/summary.json");
            Assert.That(html, Does.Contain($">{description}</p>"), "/status shows the description");
            Assert.That(v1["services"]!.AsArray().Select(s => StringOf(s, "status")), Is.EqualTo(list));
        });
    }
}

/// <summary>With <c>StatusPage:PublicUrl</c> configured, the public documents link to it, whatever Host a request claims.</summary>
public sealed class StatusPublicUrlTests : Infrastructure.ApiTestBase
{
    protected override IDictionary<string, string?>? Settings => new Dictionary<string, string?>
    {
        ["StatusPage:PublicUrl"] = "https://status.example.com/status",
    };

    [Test]
    public async Task Page_url_and_feed_links_come_from_the_configured_address_not_the_Host_header()
    {
        using var client = Client();
        client.DefaultRequestHeaders.Host = "evil.example.net";

        var status = await JsonAsync(await client.GetAsync("/api/v2/status.json"));
        var feed = System.Xml.Linq.XDocument.Parse(await client.GetStringAsync("/api/v1/status/incidents.atom"));
        System.Xml.Linq.XNamespace atom = "http://www.w3.org/2005/Atom";

        Assert.Multiple(() =>
        {
            Assert.That(StringOf(status["page"], "url"), Is.EqualTo("https://status.example.com/status"));
            Assert.That(feed.Root!.Element(atom + "id")!.Value, Is.EqualTo("https://status.example.com/api/v1/status/incidents.atom"));
            Assert.That(feed.ToString(), Does.Not.Contain("evil.example.net"));
        });
    }
}
