using System.Diagnostics;
using System.Text.Json.Nodes;
using NUnit.Framework;
using Platform.Api.Tests.Infrastructure;

namespace Platform.Api.Tests;

/// <summary>
/// An endpoint whose every attempt fails for <c>Webhooks:DisableAfter</c> is disabled as <c>failing</c>, audited, and
/// announced; a success in between starts the count again. The period is shortened to seconds here.
/// </summary>
public sealed class WebhookFailingEndpointTests : WebhookApiTestBase
{
    protected override IDictionary<string, string?> WebhookSettings => new Dictionary<string, string?>
    {
        ["Webhooks:RetryScheduleSeconds"] = "1,1,1,1,1,1,1,1",
        ["Webhooks:DisableAfter"] = "00:00:02.500",
        ["Webhooks:Delivery:CircuitMinimumThroughput"] = "1000",
    };

    [Test]
    public async Task An_endpoint_failing_without_a_break_for_the_period_is_disabled_as_failing_and_audited()
    {
        using var admin = Client((await AdminAsync()).Token);
        var path = $"/broken-{Guid.NewGuid():N}";
        var created = await JsonAsync(await SendAsync(admin, HttpMethod.Post, "/api/v1/webhooks/endpoints", $$"""{"url":"{{Receiver.Url(path, _ => new ReceiverReply(500))}}","event_types":["tickets.created"]}"""));
        var id = IdOf(created);

        await CreateTicketAsync(admin);
        var endpoint = await WaitForAsync(admin, id, e => !e["enabled"]!.GetValue<bool>());
        var attemptsWhenDisabled = Receiver.At(path).Count;
        await Task.Delay(TimeSpan.FromSeconds(2));

        Assert.Multiple(async () =>
        {
            Assert.That(StringOf(endpoint, "disabled_reason"), Is.EqualTo("failing"));
            Assert.That(endpoint["disabled_at"]!.GetValue<DateTimeOffset>() - endpoint["failing_since"]!.GetValue<DateTimeOffset>(),
                Is.GreaterThanOrEqualTo(TimeSpan.FromSeconds(2.5)), "disabled only once it had failed for DisableAfter");
            Assert.That(attemptsWhenDisabled, Is.InRange(3, 5), "disabled after about 2.5 s of 1 s retries");
            Assert.That(Receiver.At(path), Has.Count.EqualTo(attemptsWhenDisabled), "nothing is sent once it is disabled");
            Assert.That(await Database.CountAsync("audit_log", $"action = 'webhooks.endpoints.disable' AND resource_id = '{id}' AND changes::text LIKE '%failing%'"), Is.EqualTo(1));
            Assert.That(await Database.CountAsync("outbox_messages", "type = 'webhooks.endpoint_disabled'"), Is.EqualTo(1));
        });
    }

    [Test]
    public async Task A_success_between_failures_starts_the_count_again()
    {
        using var admin = Client((await AdminAsync()).Token);
        var path = $"/wobbly-{Guid.NewGuid():N}";
        // Fails twice, succeeds, fails twice, succeeds...: never 2.5 s without a success.
        var created = await JsonAsync(await SendAsync(admin, HttpMethod.Post, "/api/v1/webhooks/endpoints", $$"""{"url":"{{Receiver.Url(path, n => n % 3 == 0 ? ReceiverReply.NoContent : new ReceiverReply(500))}}","event_types":["tickets.created"]}"""));
        var id = IdOf(created);

        for (var i = 0; i < 3; i++)
        {
            await CreateTicketAsync(admin, $"ticket {i}");
            await Task.Delay(TimeSpan.FromSeconds(1));
        }

        await Receiver.WaitForAsync(path, 9, TimeSpan.FromSeconds(30));
        var endpoint = await JsonAsync(await admin.GetAsync($"/api/v1/webhooks/endpoints/{id}"));

        Assert.That(endpoint["enabled"]!.GetValue<bool>(), Is.True, endpoint.ToJsonString());
    }

    [Test]
    public async Task A_failure_starts_the_run_of_failures_and_a_success_ends_it()
    {
        using var admin = Client((await AdminAsync()).Token);
        var path = $"/flaky-{Guid.NewGuid():N}";
        var failing = true;
        var created = await JsonAsync(await SendAsync(admin, HttpMethod.Post, "/api/v1/webhooks/endpoints", $$"""{"url":"{{Receiver.Url(path, _ => Volatile.Read(ref failing) ? new ReceiverReply(500) : ReceiverReply.NoContent)}}","event_types":["tickets.created"]}"""));
        var id = IdOf(created);

        await CreateTicketAsync(admin);
        var whileFailing = await WaitForAsync(admin, id, e => StringOf(e, "failing_since") is not null);
        Volatile.Write(ref failing, false);
        var afterSuccess = await WaitForAsync(admin, id, e => StringOf(e, "failing_since") is null);

        Assert.Multiple(() =>
        {
            Assert.That(whileFailing["enabled"]!.GetValue<bool>(), Is.True);
            Assert.That(afterSuccess["enabled"]!.GetValue<bool>(), Is.True, "a success within DisableAfter keeps it enabled");
        });
    }

    private static async Task<JsonObject> WaitForAsync(HttpClient admin, Guid id, Func<JsonObject, bool> until)
    {
        var waited = Stopwatch.StartNew();
        while (true)
        {
            var endpoint = await JsonAsync(await admin.GetAsync($"/api/v1/webhooks/endpoints/{id}"));
            if (until(endpoint))
            {
                return endpoint;
            }

            if (waited.Elapsed > TimeSpan.FromSeconds(20))
            {
                Assert.Fail("The endpoint did not reach the expected state: " + endpoint.ToJsonString());
            }

            await Task.Delay(100);
        }
    }
}
