using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using NUnit.Framework;
using Platform.Api.Tests.Infrastructure;
using Platform.Testing;
using static Platform.Api.Tests.Infrastructure.ApiProcess;

namespace Platform.Api.Tests;

/// <summary>
/// Webhook delivery with more than one API process on one PostgreSQL database, each running the outbox dispatcher
/// and the delivery worker, against a real HTTP receiver: two instances send each message once, and an instance
/// killed with SIGKILL while its requests are in flight loses nothing (the other takes its messages over when their
/// leases run out, with the same webhook-id and body).
/// </summary>
[NonParallelizable]
public sealed class WebhookDeliveryProcessTests
{
    private const string Endpoints = "/api/v1/webhooks/endpoints";

    private TestDatabase database = null!;
    private WebhookReceiver receiver = null!;

    [OneTimeSetUp]
    public async Task CreateDatabase()
    {
        database = await TestDatabase.CreateAsync("webhook_process");
        receiver = WebhookReceiver.Start();
    }

    [OneTimeTearDown]
    public async Task DropDatabase()
    {
        if (receiver is not null)
        {
            await receiver.DisposeAsync();
        }

        if (database is not null)
        {
            await database.DisposeAsync();
        }
    }

    [SetUp]
    public Task Reset() => database.ResetAsync();

    [Test]
    public async Task Two_instances_deliver_each_of_50_messages_exactly_once()
    {
        const int tickets = 50;
        // A little latency at the receiver keeps sends in flight, so both workers have work to claim at once.
        var path = $"/twice-{Guid.NewGuid():N}";
        var url = receiver.Url(path, _ => new ReceiverReply(204, TimeSpan.FromMilliseconds(20)));
        var settings = new Dictionary<string, string>
        {
            ["Webhooks__Delivery__MaxConcurrencyPerEndpoint"] = "8",
            ["Webhooks__Delivery__PollInterval"] = "00:00:01",
        };
        await using var a = await ApiInstance.StartAsync(database, settings);
        await using var b = await ApiInstance.StartAsync(database, settings);
        using var adminA = await a.AdminAsync();
        using var adminB = await b.AdminAsync();
        var endpointId = await CreateEndpointAsync(adminA, url);

        await Parallel.ForEachAsync(Enumerable.Range(0, tickets), new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (i, _) =>
            await CreateTicketAsync(i % 2 == 0 ? adminA : adminB, $"ticket {i}"));
        await receiver.WaitForAsync(path, tickets, TimeSpan.FromSeconds(30));
        await WaitForDeliveredAsync(endpointId, tickets, TimeSpan.FromSeconds(15));
        // Anything sent twice would arrive within this pause: the delivery is recorded, nothing is due any more.
        await Task.Delay(TimeSpan.FromSeconds(2));

        var got = receiver.At(path);
        var attempts = await AttemptsAsync(endpointId);
        var byInstance = attempts.GroupBy(x => x.Instance).ToDictionary(g => g.Key, g => g.Count());
        await TestContext.Out.WriteLineAsync(
            $"{got.Count} requests for {tickets} messages; attempts by instance: {string.Join(", ", byInstance.Select(p => $"{p.Key} x{p.Value}"))}");
        Assert.Multiple(async () =>
        {
            Assert.That(got.Select(r => r.Id).Distinct().Count(), Is.EqualTo(tickets), "every message arrived");
            Assert.That(got, Has.Count.EqualTo(tickets), "and none twice: " + string.Join(", ", got.GroupBy(r => r.Id).Where(g => g.Count() > 1).Select(g => g.Key)));
            Assert.That(await database.CountAsync("webhook_messages", $"endpoint_id = '{endpointId}'"), Is.EqualTo(tickets), "one message per event and endpoint");
            Assert.That(attempts, Has.Count.EqualTo(tickets), "one attempt recorded per message");
            Assert.That(attempts.Select(x => x.Outcome).Distinct(), Is.EqualTo(new[] { "succeeded" }));
            Assert.That(byInstance.Keys.All(k => a.Owns(k) || b.Owns(k)), Is.True, "every attempt names one of the two processes: " + string.Join(", ", byInstance.Keys));
        });
    }

    [Test]
    public async Task Messages_in_flight_at_an_instance_killed_with_SIGKILL_are_delivered_by_the_other_after_the_lease()
    {
        const int tickets = 10;
        var holding = true;
        var path = $"/killed-{Guid.NewGuid():N}";
        // While holding, the receiver keeps every request open far longer than the attempt timeout; the killed process
        // never sees an answer. Then it answers at once.
        var url = receiver.Url(path, _ => Volatile.Read(ref holding) ? new ReceiverReply(204, TimeSpan.FromSeconds(60)) : ReceiverReply.NoContent);
        // Lease > Timeout + 1 s (the options rule). The timeout (the default, 15 s) leaves room for starting B, even on
        // a busy machine, while A's requests are still in flight; A takes every message at once (per-endpoint limit
        // above the ticket count).
        var settings = new Dictionary<string, string>
        {
            ["Webhooks__Delivery__Timeout"] = "00:00:15",
            ["Webhooks__Delivery__LeaseDuration"] = "00:00:17",
            ["Webhooks__Delivery__PollInterval"] = "00:00:01",
            ["Webhooks__Delivery__MaxConcurrencyPerEndpoint"] = "16",
        };
        await using var a = await ApiInstance.StartAsync(database, settings);
        using var adminA = await a.AdminAsync();
        var endpointId = await CreateEndpointAsync(adminA, url);
        for (var i = 0; i < tickets; i++)
        {
            await CreateTicketAsync(adminA, $"ticket {i}");
        }

        var inFlight = await receiver.WaitForAsync(path, tickets, TimeSpan.FromSeconds(20));
        var claimedAt = Stopwatch.StartNew();
        await using var b = await ApiInstance.StartAsync(database, settings);
        var leasedToA = await LeaseHoldersAsync(endpointId);
        var requestsBeforeKill = receiver.At(path).Count;
        Volatile.Write(ref holding, false);
        a.Kill();
        var killedAfter = claimedAt.Elapsed;

        await WaitForDeliveredAsync(endpointId, tickets, TimeSpan.FromSeconds(40));
        await Task.Delay(TimeSpan.FromSeconds(1));
        var got = receiver.At(path);
        var attempts = await AttemptsAsync(endpointId);
        await TestContext.Out.WriteLineAsync(
            $"B started and A killed {killedAfter.TotalSeconds:0.0} s after A's {tickets} requests arrived; {got.Count} requests in all; " +
            $"delivered {claimedAt.Elapsed.TotalSeconds:0.0} s after they first arrived");
        Assert.Multiple(() =>
        {
            Assert.That(inFlight.Select(r => r.Id).Distinct().Count(), Is.EqualTo(tickets), "A had sent every message before it was killed");
            Assert.That(requestsBeforeKill, Is.EqualTo(tickets), "and B sent nothing while A's leases held");
            Assert.That(leasedToA, Has.Count.EqualTo(tickets));
            Assert.That(leasedToA.All(a.Owns), Is.True, "A held every lease when it was killed: " + string.Join(", ", leasedToA));
            Assert.That(killedAfter, Is.LessThan(TimeSpan.FromSeconds(15)), "killed before its attempts could time out, so they were truly in flight");
            Assert.That(got.Select(r => r.Id).Distinct().Order(), Is.EqualTo(inFlight.Select(r => r.Id).Distinct().Order()), "nothing lost, nothing new");
            foreach (var same in got.GroupBy(r => r.Id))
            {
                Assert.That(same.Select(r => r.Body).Distinct().Count(), Is.EqualTo(1), $"every copy of {same.Key} has the same body");
                Assert.That(same.Count(), Is.EqualTo(2), $"{same.Key}: A's unanswered attempt and B's");
            }

            Assert.That(attempts, Has.Count.EqualTo(tickets), "A recorded nothing; B one attempt each");
            Assert.That(attempts.All(x => b.Owns(x.Instance) && x.Outcome == "succeeded"), Is.True, string.Join(", ", attempts));
        });
    }

    private async Task WaitForDeliveredAsync(Guid endpointId, int count, TimeSpan timeout)
    {
        var waited = Stopwatch.StartNew();
        while (await database.CountAsync("webhook_messages", $"endpoint_id = '{endpointId}' AND status = 'delivered'") < count)
        {
            if (waited.Elapsed > timeout)
            {
                Assert.Fail($"Fewer than {count} messages delivered in {timeout.TotalSeconds} s; received {receiver.Received.Count} requests.");
            }

            await Task.Delay(100);
        }
    }

    private async Task<List<(string Instance, string Outcome)>> AttemptsAsync(Guid endpointId)
    {
        await using var command = database.DataSource.CreateCommand(
            "SELECT a.instance, a.outcome FROM webhook_attempts a JOIN webhook_messages m ON m.id = a.message_id WHERE m.endpoint_id = $1");
        command.Parameters.AddWithValue(endpointId);
        var rows = new List<(string, string)>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            rows.Add((reader.GetString(0), reader.GetString(1)));
        }

        return rows;
    }

    /// <summary>Who holds an unexpired lease on each of the endpoint's pending messages.</summary>
    private async Task<List<string>> LeaseHoldersAsync(Guid endpointId)
    {
        await using var command = database.DataSource.CreateCommand(
            "SELECT locked_by FROM webhook_messages WHERE endpoint_id = $1 AND status = 'pending' AND locked_until > now()");
        command.Parameters.AddWithValue(endpointId);
        var holders = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            holders.Add(reader.GetString(0));
        }

        return holders;
    }

    private static async Task<Guid> CreateEndpointAsync(HttpClient admin, string url)
    {
        var response = await admin.PostAsJsonAsync(Endpoints, new { url, event_types = new[] { "tickets.created" } });
        var text = await response.Content.ReadAsStringAsync();
        Assert.That((int)response.StatusCode, Is.EqualTo(201), text);
        return JsonNode.Parse(text)!["id"]!.GetValue<Guid>();
    }

    private static async Task CreateTicketAsync(HttpClient client, string subject)
    {
        var response = await client.PostAsJsonAsync("/api/v1/tickets", new { subject, body = "On fire" });
        Assert.That((int)response.StatusCode, Is.EqualTo(201), await response.Content.ReadAsStringAsync());
    }
}
