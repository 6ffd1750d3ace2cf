using System.Text.Json.Nodes;
using NUnit.Framework;

namespace Platform.Api.Tests;

/// <summary>Status writes under concurrency and odd input: no deadlock, no 500, no broken feed.</summary>
public sealed class StatusRobustnessTests : StatusApiTestBase
{
    [Test]
    public async Task Incident_text_with_an_emoji_at_the_event_message_cut_does_not_500()
    {
        using var admin = await AdminClientAsync();
        var api = IdOf(await CreateServiceAsync(admin, "api"));
        // "T: " is 3 chars; put a surrogate pair at UTF-16 index 1998 of "<title>: <message>".
        var message = new string('a', 1995) + "\U0001F525" + new string('b', 100);
        var payload = new JsonObject
        {
            ["title"] = "T", ["status"] = "investigating", ["impact"] = "minor",
            ["affected_service_ids"] = JsonNode.Parse(IdList([api])), ["message"] = message, ["service_status"] = "major_outage",
        };
        var response = await SendAsync(admin, HttpMethod.Post, Incidents, payload.ToJsonString());
        Assert.That((int)response.StatusCode, Is.EqualTo(201), await response.Content.ReadAsStringAsync());
    }

    [Test]
    public async Task A_noncharacter_in_an_update_does_not_break_the_public_atom_feed()
    {
        using var admin = await AdminClientAsync();
        await CreateIncidentAsync(admin, "Outage", [], "pasted text \uFFFE here");
        var response = await AnonymousGetAsync("/api/v1/status/incidents.atom");
        Assert.That((int)response.StatusCode, Is.EqualTo(200), await response.Content.ReadAsStringAsync());
    }

    [Test]
    public async Task Concurrent_events_for_one_service_do_not_deadlock_and_each_commit_is_announced()
    {
        using var admin = await AdminClientAsync();
        var api = IdOf(await CreateServiceAsync(admin, "api"));

        async Task<long> DeadlocksAsync()
        {
            await using var c = Database.DataSource.CreateCommand("SELECT deadlocks FROM pg_stat_database WHERE datname = current_database()");
            return (long)(await c.ExecuteScalarAsync())!;
        }

        await using var listen = await Database.DataSource.OpenConnectionAsync();
        var heard = 0;
        listen.Notification += (_, e) => { if (e.Channel == "platform_status_changed") { Interlocked.Increment(ref heard); } };
        await using (var l = new Npgsql.NpgsqlCommand("LISTEN platform_status_changed", listen)) { await l.ExecuteNonQueryAsync(); }

        var before = await DeadlocksAsync();
        var statuses = new[] { "degraded_performance", "partial_outage" };
        var responses = await Task.WhenAll(Enumerable.Range(0, 8).Select(i =>
            SendAsync(admin, HttpMethod.Post, $"{Services}/{api}/events", new JsonObject { ["status"] = statuses[i % 2] }.ToJsonString())));
        var ok = responses.Count(r => (int)r.StatusCode == 201);
        for (var i = 0; i < 20; i++) { await listen.WaitAsync(TimeSpan.FromMilliseconds(100)); }
        await Task.Delay(500);
        var after = await DeadlocksAsync();

        Assert.Multiple(() =>
        {
            Assert.That(responses.Select(r => (int)r.StatusCode), Has.All.EqualTo(201));
            Assert.That(after - before, Is.EqualTo(0), "deadlocks detected while recording events for one service");
            Assert.That(heard, Is.EqualTo(ok), "every committed status change must NOTIFY the other instances");
        });
    }

    [Test]
    public async Task A_lone_surrogate_in_a_status_message_is_a_400_not_a_500()
    {
        using var admin = await AdminClientAsync();
        var api = IdOf(await CreateServiceAsync(admin, "api"));
        var response = await SendAsync(admin, HttpMethod.Post, $"{Services}/{api}/events", "{\"status\":\"operational\",\"message\":\"x\\ud800y\"}");
        Assert.That((int)response.StatusCode, Is.EqualTo(400), await response.Content.ReadAsStringAsync());
    }
}
