using System.Diagnostics;
using System.Text.Json.Nodes;
using NUnit.Framework;
using Platform.Api.Tests.Infrastructure;

namespace Platform.Api.Tests;

/// <summary>
/// The status snapshot is cached, and a change through the API shows at once on the instance that made it and
/// within 2 seconds on another instance over the same database, well before the snapshot's 15 s max age.
/// </summary>
public sealed class StatusCacheTests : StatusApiTestBase
{
    private const string V1 = "/api/v1/status";
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan MaxAge = TimeSpan.FromSeconds(15);
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(50);
    private static readonly TimeSpan SettleTime = TimeSpan.FromMilliseconds(500);

    private PlatformApiFactory hostB = null!;

    [OneTimeSetUp]
    public void StartSecondHost()
    {
        hostB = new PlatformApiFactory(ApiDatabase.Instance);
        using var warmUp = hostB.CreateClient();
    }

    [OneTimeTearDown]
    public async Task StopSecondHost() => await hostB.DisposeAsync();

    private static async Task<(HttpResponseMessage Response, string Text)> GetOnAsync(PlatformApiFactory host, string url)
    {
        using var client = host.CreateClient();
        var response = await client.GetAsync(url);
        var text = await response.Content.ReadAsStringAsync();
        Assert.That((int)response.StatusCode, Is.EqualTo(200), $"GET {url}: {text}");
        return (response, text);
    }

    private static string? ServiceStatusIn(string v1, Guid serviceId) =>
        JsonNode.Parse(v1)!["services"]!.AsArray().FirstOrDefault(s => IdOf(s) == serviceId)?["status"]?.GetValue<string>();

    /// <summary>Asks <paramref name="host"/> every 50 ms until <paramref name="reflects"/> holds or the deadline passed; returns when it first held.</summary>
    private static async Task<TimeSpan> ReflectedAfterAsync(PlatformApiFactory host, string url, Func<string, bool> reflects, Stopwatch sinceChange)
    {
        while (true)
        {
            var (_, text) = await GetOnAsync(host, url);
            var elapsed = sinceChange.Elapsed;
            if (reflects(text))
            {
                await TestContext.Out.WriteLineAsync($"{url} reflected the change on the other instance after {elapsed.TotalMilliseconds:0} ms.");
                return elapsed;
            }

            if (elapsed > Deadline + TimeSpan.FromSeconds(1))
            {
                Assert.Fail($"{url} on the other instance still did not reflect the change after {elapsed.TotalMilliseconds:0} ms: {text}");
            }

            await Task.Delay(PollInterval);
        }
    }

    [Test]
    public async Task After_an_event_the_very_next_read_on_the_same_instance_shows_it_with_a_new_ETag()
    {
        using var admin = await AdminClientAsync();
        var api = IdOf(await CreateServiceAsync(admin, "api"));
        var (before, beforeText) = await GetOnAsync(Factory, V1);
        var beforeEtag = before.Headers.ETag?.ToString();
        Assert.That(ServiceStatusIn(beforeText, api), Is.EqualTo("operational"));

        await RecordEventAsync(admin, api, "major_outage");

        var (after, afterText) = await GetOnAsync(Factory, V1);
        var stale = await AnonymousGetAsync(V1, new Dictionary<string, string> { ["If-None-Match"] = beforeEtag! });
        Assert.Multiple(() =>
        {
            Assert.That(ServiceStatusIn(afterText, api), Is.EqualTo("major_outage"));
            Assert.That(JsonNode.Parse(afterText)!["status"]!["description"]!.GetValue<string>(), Is.EqualTo("Major System Outage"));
            Assert.That(after.Headers.ETag?.ToString(), Is.Not.EqualTo(beforeEtag));
            Assert.That((int)stale.StatusCode, Is.EqualTo(200), "the old ETag no longer matches");
        });
    }

    [TestCase("/api/v1/status")]
    [TestCase("/api/v2/summary.json")]
    [TestCase("/api/v1/status/incidents.atom")]
    [TestCase("/status")]
    public async Task A_new_incident_shows_at_once_in_every_view_on_the_same_instance(string url)
    {
        using var admin = await AdminClientAsync();
        var api = IdOf(await CreateServiceAsync(admin, "api"));
        var (before, beforeText) = await GetOnAsync(Factory, url);
        Assert.That(beforeText, Does.Not.Contain("Fresh incident"));

        await CreateIncidentAsync(admin, "Fresh incident", [api], serviceStatus: "partial_outage");

        var (after, afterText) = await GetOnAsync(Factory, url);
        Assert.Multiple(() =>
        {
            Assert.That(afterText, Does.Contain("Fresh incident"));
            Assert.That(after.Headers.ETag?.ToString(), Is.Not.EqualTo(before.Headers.ETag?.ToString()));
        });
    }

    [Test]
    public async Task Renaming_a_service_shows_at_once_and_deleting_it_removes_it_at_once()
    {
        using var admin = await AdminClientAsync();
        var api = IdOf(await CreateServiceAsync(admin, "api", "Old name"));
        await CreateServiceAsync(admin, "web");
        await GetOnAsync(Factory, V1);

        Assert.That((int)(await PatchAsync(admin, $"{Services}/{api}", """{"name":"New name"}""")).StatusCode, Is.EqualTo(200));
        var (_, renamed) = await GetOnAsync(Factory, V1);
        Assert.That(renamed, Does.Contain("New name").And.Not.Contain("Old name"));

        Assert.That((int)(await SendAsync(admin, HttpMethod.Delete, $"{Services}/{api}")).StatusCode, Is.EqualTo(204));
        var (_, deleted) = await GetOnAsync(Factory, V1);
        Assert.That(ServiceStatusIn(deleted, api), Is.Null, deleted);
    }

    [Test]
    public async Task The_snapshot_is_served_from_memory_so_a_row_written_behind_the_APIs_back_is_not_shown_until_a_change_is_announced()
    {
        // Proves the cache exists, so the cross-instance test below measures invalidation, not an uncached read.
        using var admin = await AdminClientAsync();
        var api = IdOf(await CreateServiceAsync(admin, "api"));
        var web = IdOf(await CreateServiceAsync(admin, "web"));

        // This instance also hears its own announcements a moment later: let them arrive before warming the cache.
        await Task.Delay(SettleTime);
        await GetOnAsync(Factory, V1);
        await using (var insert = Database.DataSource.CreateCommand(
            $"INSERT INTO status_events (id, service_id, status, message, occurred_at, created_at) VALUES (gen_random_uuid(), '{web}', 'major_outage', '', now(), now())"))
        {
            await insert.ExecuteNonQueryAsync();
        }

        var (_, cached) = await GetOnAsync(Factory, V1);
        Assert.That(ServiceStatusIn(cached, web), Is.EqualTo("operational"), "served from the cached snapshot");

        await RecordEventAsync(admin, api, "degraded_performance");

        var (_, rebuilt) = await GetOnAsync(Factory, V1);
        Assert.Multiple(() =>
        {
            Assert.That(ServiceStatusIn(rebuilt, api), Is.EqualTo("degraded_performance"));
            Assert.That(ServiceStatusIn(rebuilt, web), Is.EqualTo("major_outage"), "the rebuild reads everything afresh");
        });
    }

    [Test]
    public async Task A_status_change_through_one_instance_shows_on_another_within_2_seconds_before_its_max_age()
    {
        using var admin = await AdminClientAsync();
        var api = IdOf(await CreateServiceAsync(admin, "api"));

        // Host B hears of the new service by the same announcement; wait until its snapshot has it, then let it settle.
        await ReflectedAfterAsync(hostB, V1, text => ServiceStatusIn(text, api) == "operational", Stopwatch.StartNew());
        await Task.Delay(SettleTime);
        var (_, warm) = await GetOnAsync(hostB, V1);
        var sinceWarm = Stopwatch.StartNew();
        Assert.That(ServiceStatusIn(warm, api), Is.EqualTo("operational"), "host B has built its snapshot with the service");

        await RecordEventAsync(admin, api, "major_outage");
        var sinceChange = Stopwatch.StartNew();

        var after = await ReflectedAfterAsync(hostB, V1, text => ServiceStatusIn(text, api) == "major_outage", sinceChange);
        Assert.Multiple(() =>
        {
            Assert.That(after, Is.LessThanOrEqualTo(Deadline), $"host B showed the change only after {after.TotalMilliseconds:0} ms");
            Assert.That(sinceWarm.Elapsed, Is.LessThan(MaxAge), "host B's snapshot had not reached its max age, so only the announcement can have refreshed it");
        });
    }

    [Test]
    public async Task An_incident_opened_through_the_second_instance_shows_on_the_first_within_2_seconds()
    {
        using var admin = await AdminClientAsync();
        var api = IdOf(await CreateServiceAsync(admin, "api"));
        await Task.Delay(SettleTime);
        await GetOnAsync(Factory, "/status");
        await GetOnAsync(Factory, "/api/v2/summary.json");
        var sinceWarm = Stopwatch.StartNew();
        using var adminOnB = hostB.CreateClient();
        adminOnB.DefaultRequestHeaders.Authorization = admin.DefaultRequestHeaders.Authorization;

        await CreateIncidentAsync(adminOnB, "Opened on B", [api], serviceStatus: "partial_outage");
        var sinceChange = Stopwatch.StartNew();

        var page = await ReflectedAfterAsync(Factory, "/status", html => html.Contains("Opened on B", StringComparison.Ordinal) && html.Contains(">Partial System Outage<", StringComparison.Ordinal), sinceChange);
        var summary = await ReflectedAfterAsync(Factory, "/api/v2/summary.json", json => json.Contains("Opened on B", StringComparison.Ordinal), sinceChange);
        Assert.Multiple(() =>
        {
            Assert.That(page, Is.LessThanOrEqualTo(Deadline));
            Assert.That(summary, Is.LessThanOrEqualTo(Deadline));
            Assert.That(sinceWarm.Elapsed, Is.LessThan(MaxAge));
        });
    }
}
