using System.Diagnostics;
using System.Text.Json.Nodes;
using NUnit.Framework;
using Platform.Api.Tests.Infrastructure;

namespace Platform.Api.Tests;

/// <summary>
/// An endpoint's run of failures, as the delivery worker records it with each attempt: a failure starts it, a success
/// ends it, and an endpoint failing without a break for <c>Webhooks:DisableAfter</c> (two seconds here) is disabled
/// as <c>failing</c>, with an audit row.
/// </summary>
public sealed class WebhookFailingEndpointTests : ApiTestBase
{
    private const string Endpoints = "/api/v1/webhooks/endpoints";
    private static readonly TimeSpan Soon = TimeSpan.FromSeconds(20);

    private WebhookReceiver receiver = null!;

    protected override IDictionary<string, string?>? Settings => new Dictionary<string, string?>
    {
        ["Webhooks:AllowedHosts:0"] = "127.0.0.1",
        ["Webhooks:RetryScheduleSeconds"] = "1,1,1,1,1,1,1,1",
        ["Webhooks:DisableAfter"] = "00:00:02",
        ["Webhooks:Delivery:Timeout"] = "00:00:02",
        ["Webhooks:Delivery:LeaseDuration"] = "00:00:10",
        ["Webhooks:Delivery:PollInterval"] = "00:00:01",
        ["Webhooks:Delivery:CircuitMinimumThroughput"] = "1000",
    };

    [OneTimeSetUp]
    public void StartReceiver() => receiver = WebhookReceiver.Start();

    [OneTimeTearDown]
    public async Task StopReceiver() => await receiver.DisposeAsync();

    [Test]
    public async Task An_endpoint_failing_without_a_break_for_DisableAfter_is_disabled_as_failing()
    {
        using var admin = Client((await AdminAsync()).Token);
        var path = $"/broken-{Guid.NewGuid():N}";
        var endpointId = await CreateEndpointAsync(admin, receiver.Url(path, _ => new ReceiverReply(500)));

        await CreateTicketAsync(admin);
        var endpoint = await WaitForEndpointAsync(admin, endpointId, e => e["enabled"]!.GetValue<bool>() == false);

        Assert.Multiple(async () =>
        {
            Assert.That(StringOf(endpoint, "disabled_reason"), Is.EqualTo("failing"));
            Assert.That(endpoint["disabled_at"]!.GetValue<DateTimeOffset>() - endpoint["failing_since"]!.GetValue<DateTimeOffset>(),
                Is.GreaterThanOrEqualTo(TimeSpan.FromSeconds(2)), "disabled only once it had failed for DisableAfter");
            Assert.That(receiver.At(path), Has.Count.GreaterThanOrEqualTo(2), "the first failure starts the run; a later one finds it overdue");
            Assert.That(await Database.CountAsync("audit_log", $"action = 'webhooks.endpoints.disable' AND resource_id = '{endpointId}'"), Is.EqualTo(1));
        });
    }

    [Test]
    public async Task A_failure_starts_the_run_of_failures_and_a_success_ends_it()
    {
        using var admin = Client((await AdminAsync()).Token);
        var path = $"/flaky-{Guid.NewGuid():N}";
        var failing = true;
        var endpointId = await CreateEndpointAsync(admin, receiver.Url(path, _ => Volatile.Read(ref failing) ? new ReceiverReply(500) : ReceiverReply.NoContent));

        await CreateTicketAsync(admin);
        await receiver.WaitForAsync(path, 1, Soon);
        var whileFailing = await WaitForEndpointAsync(admin, endpointId, e => StringOf(e, "failing_since") is not null);
        Volatile.Write(ref failing, false);
        var afterSuccess = await WaitForEndpointAsync(admin, endpointId, e => StringOf(e, "failing_since") is null);

        Assert.Multiple(() =>
        {
            Assert.That(whileFailing["enabled"]!.GetValue<bool>(), Is.True);
            Assert.That(afterSuccess["enabled"]!.GetValue<bool>(), Is.True, "a success within DisableAfter keeps it enabled");
        });
    }

    private static async Task<Guid> CreateEndpointAsync(HttpClient admin, string url)
    {
        var response = await SendAsync(admin, HttpMethod.Post, Endpoints, $$"""{"url":"{{url}}","event_types":["tickets.created"]}""");
        var created = await JsonAsync(response);
        Assert.That((int)response.StatusCode, Is.EqualTo(201), created.ToJsonString());
        return IdOf(created);
    }

    private static async Task<JsonObject> WaitForEndpointAsync(HttpClient admin, Guid endpointId, Func<JsonObject, bool> wanted)
    {
        var waited = Stopwatch.StartNew();
        while (true)
        {
            var endpoint = await JsonAsync(await admin.GetAsync($"{Endpoints}/{endpointId}"));
            if (wanted(endpoint))
            {
                return endpoint;
            }

            if (waited.Elapsed > Soon)
            {
                Assert.Fail($"The endpoint did not reach the state wanted in {Soon.TotalSeconds} s: {endpoint.ToJsonString()}");
            }

            await Task.Delay(100);
        }
    }
}
