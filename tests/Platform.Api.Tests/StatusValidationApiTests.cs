using System.Text.Json.Nodes;
using NUnit.Framework;

namespace Platform.Api.Tests;

/// <summary>
/// Invalid input to the status API is 400 (validation.failed naming the field, or request.malformed for broken
/// JSON), and a refused request writes nothing.
/// </summary>
public sealed class StatusValidationApiTests : StatusApiTestBase
{
    private static async Task<JsonObject> AssertValidationAsync(HttpResponseMessage response, params string[] fields)
    {
        var problem = await AssertProblemAsync(response, 400, "validation.failed");
        Assert.That(problem["errors"]?.AsObject().Select(p => p.Key), Is.EquivalentTo(fields), problem.ToJsonString());
        return problem;
    }

    [TestCase("broken")]
    [TestCase("MAJOR_OUTAGE")]
    [TestCase("major outage")]
    [TestCase("")]
    public async Task An_event_with_an_unknown_status_is_400_for_status_and_records_nothing(string status)
    {
        using var admin = await AdminClientAsync();
        var serviceId = IdOf(await CreateServiceAsync(admin, "api"));

        var response = await SendAsync(admin, HttpMethod.Post, $"{Services}/{serviceId}/events", new JsonObject { ["status"] = status }.ToJsonString());

        await AssertValidationAsync(response, "status");
        Assert.Multiple(async () =>
        {
            Assert.That(ItemsOf(await AnonymousJsonAsync($"{Services}/{serviceId}/events")), Is.Empty);
            Assert.That(StringOf(await AnonymousJsonAsync($"{Services}/{serviceId}"), "status"), Is.EqualTo("operational"));
        });
    }

    [Test]
    public async Task An_event_without_a_status_is_400_for_status()
    {
        using var admin = await AdminClientAsync();
        var serviceId = IdOf(await CreateServiceAsync(admin, "api"));

        await AssertValidationAsync(await SendAsync(admin, HttpMethod.Post, $"{Services}/{serviceId}/events", """{"message":"no status"}"""), "status");
    }

    [Test]
    public async Task An_event_dated_far_in_the_future_is_400_for_occurred_at_and_records_nothing()
    {
        using var admin = await AdminClientAsync();
        var serviceId = IdOf(await CreateServiceAsync(admin, "api"));
        var tomorrow = Iso(DateTimeOffset.UtcNow.AddDays(1));

        var response = await SendAsync(admin, HttpMethod.Post, $"{Services}/{serviceId}/events", $$"""{"status":"major_outage","occurred_at":"{{tomorrow}}"}""");

        await AssertValidationAsync(response, "occurred_at");
        Assert.That(ItemsOf(await AnonymousJsonAsync($"{Services}/{serviceId}/events")), Is.Empty);
    }

    [Test]
    public async Task An_event_dated_a_little_ahead_for_clock_skew_is_accepted()
    {
        using var admin = await AdminClientAsync();
        var serviceId = IdOf(await CreateServiceAsync(admin, "api"));

        await RecordEventAsync(admin, serviceId, "degraded_performance", occurredAt: DateTimeOffset.UtcNow.AddMinutes(3));

        Assert.That(ItemsOf(await AnonymousJsonAsync($"{Services}/{serviceId}/events")), Has.Count.EqualTo(1));
    }

    [TestCase("")]
    [TestCase("   ")]
    public async Task An_incident_with_a_blank_title_is_400_for_title_and_writes_nothing(string title)
    {
        using var admin = await AdminClientAsync();
        var serviceId = IdOf(await CreateServiceAsync(admin, "api"));
        var body = new JsonObject
        {
            ["title"] = title,
            ["status"] = "investigating",
            ["impact"] = "minor",
            ["affected_service_ids"] = JsonNode.Parse(IdList([serviceId])),
            ["message"] = "Looking.",
            ["service_status"] = "major_outage",
        };

        await AssertValidationAsync(await SendAsync(admin, HttpMethod.Post, Incidents, body.ToJsonString()), "title");

        Assert.Multiple(async () =>
        {
            Assert.That(ItemsOf(await AnonymousJsonAsync(Incidents)), Is.Empty);
            Assert.That(StringOf(await AnonymousJsonAsync($"{Services}/{serviceId}"), "status"), Is.EqualTo("operational"));
        });
    }

    [Test]
    public async Task An_incident_with_an_unknown_status_and_impact_is_400_for_both()
    {
        using var admin = await AdminClientAsync();

        var response = await SendAsync(admin, HttpMethod.Post, Incidents, """{"title":"T","status":"panicking","impact":"huge","affected_service_ids":[],"message":"M"}""");

        await AssertValidationAsync(response, "status", "impact");
        Assert.That(ItemsOf(await AnonymousJsonAsync(Incidents)), Is.Empty);
    }

    [Test]
    public async Task An_incident_naming_an_unknown_service_is_400_for_affected_service_ids_and_sets_no_status()
    {
        using var admin = await AdminClientAsync();
        var known = IdOf(await CreateServiceAsync(admin, "api"));
        var body = new JsonObject
        {
            ["title"] = "Outage",
            ["status"] = "investigating",
            ["impact"] = "major",
            ["affected_service_ids"] = JsonNode.Parse(IdList([known, Guid.NewGuid()])),
            ["message"] = "Down.",
            ["service_status"] = "major_outage",
        };

        await AssertValidationAsync(await SendAsync(admin, HttpMethod.Post, Incidents, body.ToJsonString()), "affected_service_ids");

        Assert.Multiple(async () =>
        {
            Assert.That(ItemsOf(await AnonymousJsonAsync(Incidents)), Is.Empty);
            Assert.That(ItemsOf(await AnonymousJsonAsync($"{Services}/{known}/events")), Is.Empty, "no event for the known service either");
            Assert.That(StringOf(await AnonymousJsonAsync($"{Services}/{known}"), "status"), Is.EqualTo("operational"));
        });
    }

    [Test]
    public async Task An_incident_update_with_a_blank_message_is_400_for_message_and_is_not_stored()
    {
        using var admin = await AdminClientAsync();
        var incident = await CreateIncidentAsync(admin, "Blip", []);

        await AssertValidationAsync(await SendAsync(admin, HttpMethod.Post, $"{Incidents}/{IdOf(incident)}/updates", """{"status":"resolved","message":"  "}"""), "message");

        Assert.That((await AnonymousJsonAsync($"{Incidents}/{IdOf(incident)}")).ToJsonString(), Is.EqualTo(incident.ToJsonString()));
    }

    [TestCase(-60)]
    [TestCase(0)]
    public async Task A_maintenance_ending_before_or_when_it_starts_is_400_for_ends_at_and_is_not_stored(int minutes)
    {
        using var admin = await AdminClientAsync();
        var serviceId = IdOf(await CreateServiceAsync(admin, "api"));
        var starts = DateTimeOffset.UtcNow.AddDays(1);
        var body = $$"""{"title":"Upgrade","starts_at":"{{Iso(starts)}}","ends_at":"{{Iso(starts.AddMinutes(minutes))}}","affected_service_ids":["{{serviceId}}"]}""";

        await AssertValidationAsync(await SendAsync(admin, HttpMethod.Post, Maintenances, body), "ends_at");

        Assert.That(ItemsOf(await AnonymousJsonAsync(Maintenances)), Is.Empty);
    }

    [Test]
    public async Task A_maintenance_naming_an_unknown_service_is_400_for_affected_service_ids()
    {
        using var admin = await AdminClientAsync();
        await CreateServiceAsync(admin, "api");
        var starts = DateTimeOffset.UtcNow.AddDays(1);
        var body = $$"""{"title":"Upgrade","starts_at":"{{Iso(starts)}}","ends_at":"{{Iso(starts.AddHours(1))}}","affected_service_ids":["{{Guid.NewGuid()}}"]}""";

        await AssertValidationAsync(await SendAsync(admin, HttpMethod.Post, Maintenances, body), "affected_service_ids");

        Assert.That(ItemsOf(await AnonymousJsonAsync(Maintenances)), Is.Empty);
    }

    [TestCase("Bad Slug")]
    [TestCase("API")]
    [TestCase("-api")]
    [TestCase("api-")]
    [TestCase("a--b")]
    [TestCase("api_v2")]
    [TestCase("")]
    [TestCase("a-very-long-slug-that-goes-on-and-on-and-on-well-past-the-limit-x")]
    public async Task Creating_a_service_with_a_bad_slug_is_400_for_slug_and_lists_nothing(string slug)
    {
        using var admin = await AdminClientAsync();

        var response = await SendAsync(admin, HttpMethod.Post, Services, new JsonObject { ["slug"] = slug, ["name"] = "Name" }.ToJsonString());

        await AssertValidationAsync(response, "slug");
        Assert.That(ItemsOf(await AnonymousJsonAsync(Services)), Is.Empty);
    }

    [Test]
    public async Task Creating_a_service_with_a_blank_name_is_400_for_name()
    {
        using var admin = await AdminClientAsync();

        await AssertValidationAsync(await SendAsync(admin, HttpMethod.Post, Services, """{"slug":"api","name":"  "}"""), "name");
        Assert.That(ItemsOf(await AnonymousJsonAsync(Services)), Is.Empty);
    }

    [Test]
    public async Task Patching_a_service_to_a_bad_slug_is_400_for_slug_and_changes_nothing()
    {
        using var admin = await AdminClientAsync();
        var created = await CreateServiceAsync(admin, "api", "API");

        await AssertValidationAsync(await PatchAsync(admin, $"{Services}/{IdOf(created)}", """{"slug":"Not Valid","name":"Renamed"}"""), "slug");

        Assert.That((await AnonymousJsonAsync($"{Services}/{IdOf(created)}")).ToJsonString(), Is.EqualTo(created.ToJsonString()));
    }

    [TestCase(0)]
    [TestCase(366)]
    [TestCase(-1)]
    public async Task Uptime_days_outside_1_to_365_is_400_for_days(int days)
    {
        using var admin = await AdminClientAsync();
        await CreateServiceAsync(admin, "api");

        await AssertValidationAsync(await AnonymousGetAsync($"{Services}/api/uptime?days={days}"), "days");
    }

    [TestCase(1)]
    [TestCase(365)]
    public async Task Uptime_days_at_the_limits_is_200_with_that_many_days(int days)
    {
        using var admin = await AdminClientAsync();
        await CreateServiceAsync(admin, "api");

        var body = await AnonymousJsonAsync($"{Services}/api/uptime?days={days}");

        Assert.That(body["days"]!.AsArray(), Has.Count.EqualTo(days));
    }

    [Test]
    public async Task Malformed_JSON_on_every_write_is_400_and_writes_nothing()
    {
        using var admin = await AdminClientAsync();
        var serviceId = IdOf(await CreateServiceAsync(admin, "api"));
        var incident = await CreateIncidentAsync(admin, "Blip", [serviceId]);
        var servicesBefore = (await AnonymousJsonAsync(Services)).ToJsonString();
        string[] urls = [Services, $"{Services}/{serviceId}/events", Incidents, $"{Incidents}/{IdOf(incident)}/updates", Maintenances];

        foreach (var url in urls)
        {
            var response = await SendAsync(admin, HttpMethod.Post, url, """{"status":"major_outage",""");
            Assert.That((int)response.StatusCode, Is.EqualTo(400), $"POST {url}: {await response.Content.ReadAsStringAsync()}");
            await AssertProblemAsync(response, 400, "request.malformed");
        }

        await AssertProblemAsync(await PatchAsync(admin, $"{Services}/{serviceId}", "{\"name\":"), 400, "request.malformed");

        Assert.Multiple(async () =>
        {
            Assert.That((await AnonymousJsonAsync(Services)).ToJsonString(), Is.EqualTo(servicesBefore));
            Assert.That(ItemsOf(await AnonymousJsonAsync($"{Services}/{serviceId}/events")), Is.Empty);
            Assert.That(ItemsOf(await AnonymousJsonAsync(Incidents)).Select(IdOf), Is.EqualTo(new[] { IdOf(incident) }));
            Assert.That((await AnonymousJsonAsync($"{Incidents}/{IdOf(incident)}")).ToJsonString(), Is.EqualTo(incident.ToJsonString()));
            Assert.That(ItemsOf(await AnonymousJsonAsync(Maintenances)), Is.Empty);
        });
    }

    [Test]
    public async Task A_wrongly_typed_value_is_400_and_writes_nothing()
    {
        using var admin = await AdminClientAsync();
        var serviceId = IdOf(await CreateServiceAsync(admin, "api"));

        var response = await SendAsync(admin, HttpMethod.Post, $"{Services}/{serviceId}/events", """{"status":"major_outage","occurred_at":"yesterday"}""");

        Assert.That((int)response.StatusCode, Is.EqualTo(400), await response.Content.ReadAsStringAsync());
        Assert.That(ItemsOf(await AnonymousJsonAsync($"{Services}/{serviceId}/events")), Is.Empty);
    }
}
