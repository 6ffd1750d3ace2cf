using System.Diagnostics;
using System.Text;
using System.Text.Json.Nodes;
using NUnit.Framework;
using Platform.Api.Tests.Infrastructure;
using StandardWebhooks;

namespace Platform.Api.Tests;

/// <summary>
/// Webhook delivery end to end, against a real HTTP receiver on 127.0.0.1: events become signed messages that a
/// Standard Webhooks library verifies; failures are retried with the same webhook-id; 410 disables; redirects fail;
/// Retry-After is honoured; slow answers time out; failed messages are recovered in one call; a slow receiver does
/// not hold back a healthy one. The retry schedule is shortened to seconds for the tests.
/// </summary>
public sealed class WebhookDeliveryTests : WebhookApiTestBase
{
    private const string Endpoints = "/api/v1/webhooks/endpoints";
    private static readonly TimeSpan Soon = TimeSpan.FromSeconds(15);


    protected override IDictionary<string, string?> WebhookSettings => new Dictionary<string, string?>
    {
        ["Webhooks:RetryScheduleSeconds"] = "1,1",
        ["Webhooks:Delivery:Timeout"] = "00:00:02",
        ["Webhooks:Delivery:LeaseDuration"] = "00:00:10",
        ["Webhooks:Delivery:CircuitMinimumThroughput"] = "1000",
    };

    [Test]
    public async Task A_new_ticket_reaches_a_subscribed_endpoint_as_a_message_the_StandardWebhooks_package_verifies()
    {
        using var admin = Client((await AdminAsync()).Token);
        var path = $"/hook-{Guid.NewGuid():N}";
        var otherPath = $"/other-{Guid.NewGuid():N}";
        var (endpointId, secret) = await CreateEndpointAsync(admin, Receiver.Url(path), "tickets.created");
        await CreateEndpointAsync(admin, Receiver.Url(otherPath), "status.incident_created");

        var started = Stopwatch.StartNew();
        var ticket = await CreateTicketAsync(admin, "Printer on fire");
        var got = (await Receiver.WaitForAsync(path, 1, Soon)).Single();
        var latency = started.Elapsed;
        var body = JsonNode.Parse(got.Body)!.AsObject();
        var headers = HeadersOf(got);
        var message = await WaitForMessageAsync(admin, endpointId, "delivered");
        var attempts = ItemsOf(await JsonAsync(await admin.GetAsync($"/api/v1/webhooks/messages/{IdOf(message)}/attempts")));

        Assert.Multiple(() =>
        {
            Assert.DoesNotThrow(() => new StandardWebhook(secret).Verify(got.Body, headers), "the StandardWebhooks package verifies it");
            Assert.Throws<StandardWebhooks.Diagnostics.WebhookVerificationException>(() => new StandardWebhook(secret).Verify(got.Body + " ", headers));
            Assert.That(got.Signature, Does.Match("^v1,[A-Za-z0-9+/]{43}=$"), "one secret, one signature");
            Assert.That(got.Headers["content-type"], Is.EqualTo("application/json"));
            Assert.That(got.Headers["user-agent"], Does.StartWith("Platform-Webhooks/"));
            Assert.That(long.Parse(got.Timestamp, System.Globalization.CultureInfo.InvariantCulture), Is.EqualTo(DateTimeOffset.UtcNow.ToUnixTimeSeconds()).Within(30));
            Assert.That(body.Select(p => p.Key), Is.EqualTo(new[] { "type", "timestamp", "data" }));
            Assert.That(StringOf(body, "type"), Is.EqualTo("tickets.created"));
            Assert.That(IdOf(body["data"]), Is.EqualTo(IdOf(ticket)));
            Assert.That(StringOf(body["data"], "subject"), Is.EqualTo("Printer on fire"));
            Assert.That(body["data"]!.AsObject().Select(p => p.Key), Is.EqualTo(ticket.Select(p => p.Key)), "data is the ticket as the API returns it, in the API's order");
            Assert.That(latency, Is.LessThan(TimeSpan.FromSeconds(5)), "woken by the commit, not by a slow poll");
            Assert.That(Receiver.At(otherPath), Is.Empty, "an endpoint not subscribed to the type gets nothing");
            Assert.That(StringOf(message, "id"), Is.EqualTo(got.Id), "webhook-id is the message id");
            Assert.That(message["attempts"]!.GetValue<int>(), Is.EqualTo(1));
            Assert.That(message["next_attempt_at"], Is.Null);
            Assert.That(attempts, Has.Count.EqualTo(1));
            Assert.That(attempts[0]!["status_code"]!.GetValue<int>(), Is.EqualTo(204));
            Assert.That(StringOf(attempts[0], "outcome"), Is.EqualTo("succeeded"));
        });
    }

    [Test]
    public async Task A_500_is_retried_on_schedule_with_the_same_webhook_id_until_it_succeeds()
    {
        using var admin = Client((await AdminAsync()).Token);
        var path = $"/flaky-{Guid.NewGuid():N}";
        var (endpointId, _) = await CreateEndpointAsync(admin, Receiver.Url(path, n => n <= 2 ? new ReceiverReply(500, Body: "try later") : ReceiverReply.NoContent), "tickets.created");

        await CreateTicketAsync(admin);
        var got = await Receiver.WaitForAsync(path, 3, Soon);
        var message = await WaitForMessageAsync(admin, endpointId, "delivered");
        var attempts = ItemsOf(await JsonAsync(await admin.GetAsync($"/api/v1/webhooks/messages/{IdOf(message)}/attempts")));

        Assert.Multiple(() =>
        {
            Assert.That(got.Select(r => r.Id).Distinct().Count(), Is.EqualTo(1), "every attempt carries the same webhook-id");
            Assert.That(got.Select(r => r.Body).Distinct().Count(), Is.EqualTo(1), "and the same body");
            Assert.That(got[1].ReceivedAt - got[0].ReceivedAt, Is.GreaterThanOrEqualTo(TimeSpan.FromSeconds(0.9)), "the schedule's first delay (1 s)");
            Assert.That(message["attempts"]!.GetValue<int>(), Is.EqualTo(3));
            Assert.That(attempts.Select(a => a!["status_code"]!.GetValue<int>()), Is.EqualTo(new[] { 500, 500, 204 }));
            Assert.That(StringOf(attempts[0], "response_body"), Is.EqualTo("try later"));
            Assert.That(StringOf(attempts[0], "error"), Is.EqualTo("HTTP 500"));
            Assert.That(Receiver.At(path), Has.Count.EqualTo(3), "nothing more once delivered");
        });
    }

    [Test]
    public async Task After_the_last_retry_the_message_is_failed_and_recover_sends_it_again()
    {
        using var admin = Client((await AdminAsync()).Token);
        var path = $"/down-{Guid.NewGuid():N}";
        var (endpointId, _) = await CreateEndpointAsync(admin, Receiver.Url(path, _ => new ReceiverReply(503)), "tickets.created");
        var before = DateTimeOffset.UtcNow.AddSeconds(-1);

        await CreateTicketAsync(admin);
        var failed = await WaitForMessageAsync(admin, endpointId, "failed");
        Receiver.Answer(path, _ => ReceiverReply.NoContent);
        var recover = await SendAsync(admin, HttpMethod.Post, $"{Endpoints}/{endpointId}/recover", $$"""{"since":"{{before:O}}"}""");
        var recovery = await JsonAsync(recover);
        await Receiver.WaitForAsync(path, 4, Soon);
        var delivered = await WaitForMessageAsync(admin, endpointId, "delivered");

        Assert.Multiple(async () =>
        {
            Assert.That(failed["attempts"]!.GetValue<int>(), Is.EqualTo(3), "the first attempt and one per delay of 1,1");
            Assert.That(StringOf(failed, "last_error"), Is.EqualTo("HTTP 503"));
            Assert.That((int)recover.StatusCode, Is.EqualTo(200), recovery.ToJsonString());
            Assert.That(recovery["recovered_messages"]!.GetValue<int>(), Is.EqualTo(1));
            Assert.That(StringOf(delivered, "id"), Is.EqualTo(StringOf(failed, "id")));
            Assert.That(delivered["attempts"]!.GetValue<int>(), Is.EqualTo(4));
            Assert.That(Receiver.At(path).Select(r => r.Id).Distinct().Count(), Is.EqualTo(1));
            Assert.That(await Database.CountAsync("audit_log", "action = 'webhooks.endpoints.recover'"), Is.EqualTo(1));
        });
    }

    [Test]
    public async Task A_410_disables_the_endpoint_audits_it_and_recover_replays_what_it_missed()
    {
        using var admin = Client((await AdminAsync()).Token);
        var path = $"/gone-{Guid.NewGuid():N}";
        var (endpointId, _) = await CreateEndpointAsync(admin, Receiver.Url(path, _ => new ReceiverReply(410)), "tickets.created");
        var before = DateTimeOffset.UtcNow.AddSeconds(-1);

        await CreateTicketAsync(admin);
        await WaitForMessageAsync(admin, endpointId, "failed");
        // The attempt is recorded first and the endpoint disabled just after, by its own command: wait for both.
        var endpoint = await WaitForDisabledAsync(admin, endpointId);
        var missed = await CreateTicketAsync(admin, "while it was gone");
        await WaitForMessagesAsync(admin, endpointId, "failed", 2);
        await Task.Delay(TimeSpan.FromSeconds(1));
        var sentWhileDisabled = Receiver.At(path).Count;

        Receiver.Answer(path, _ => ReceiverReply.NoContent);
        var recovery = await JsonAsync(await SendAsync(admin, HttpMethod.Post, $"{Endpoints}/{endpointId}/recover", $$"""{"since":"{{before:O}}"}"""));
        var replayed = await Receiver.WaitForAsync(path, 3, Soon);

        Assert.Multiple(async () =>
        {
            Assert.That(endpoint["enabled"]!.GetValue<bool>(), Is.False);
            Assert.That(StringOf(endpoint, "disabled_reason"), Is.EqualTo("gone"));
            Assert.That(sentWhileDisabled, Is.EqualTo(1), "410 is not retried, and a disabled endpoint is sent nothing");
            Assert.That(await Database.CountAsync("audit_log", $"action = 'webhooks.endpoints.disable' AND resource_id = '{endpointId}'"), Is.EqualTo(1));
            Assert.That(await Database.CountAsync("outbox_messages", "type = 'webhooks.endpoint_disabled'"), Is.EqualTo(1), "admins are told through the outbox");
            Assert.That(recovery["recovered_messages"]!.GetValue<int>(), Is.EqualTo(2));
            Assert.That(recovery["endpoint"]!["enabled"]!.GetValue<bool>(), Is.True);
            Assert.That(replayed.Skip(1).Select(r => IdOf(JsonNode.Parse(r.Body)!["data"])), Does.Contain(IdOf(missed)), "the event it missed while disabled");
        });
    }

    [Test]
    public async Task A_redirect_is_a_failure_and_is_not_followed()
    {
        using var admin = Client((await AdminAsync()).Token);
        var path = $"/moved-{Guid.NewGuid():N}";
        var target = $"/target-{Guid.NewGuid():N}";
        var targetUrl = Receiver.Url(target);
        var (endpointId, _) = await CreateEndpointAsync(
            admin, Receiver.Url(path, n => n == 1 ? new ReceiverReply(302, Headers: new Dictionary<string, string> { ["Location"] = targetUrl }) : ReceiverReply.NoContent), "tickets.created");

        await CreateTicketAsync(admin);
        var message = await WaitForMessageAsync(admin, endpointId, "delivered");
        var attempts = ItemsOf(await JsonAsync(await admin.GetAsync($"/api/v1/webhooks/messages/{IdOf(message)}/attempts")));

        Assert.Multiple(() =>
        {
            Assert.That(Receiver.At(target), Is.Empty, "the redirect is not followed");
            Assert.That(attempts[0]!["status_code"]!.GetValue<int>(), Is.EqualTo(302));
            Assert.That(StringOf(attempts[0], "outcome"), Is.EqualTo("failed"));
            Assert.That(StringOf(attempts[0], "error"), Does.Contain("redirects are not followed"));
        });
    }

    [Test]
    public async Task Retry_After_on_a_503_pushes_the_next_attempt_back()
    {
        using var admin = Client((await AdminAsync()).Token);
        var path = $"/busy-{Guid.NewGuid():N}";
        var (endpointId, _) = await CreateEndpointAsync(
            admin, Receiver.Url(path, n => n == 1 ? new ReceiverReply(503, Headers: new Dictionary<string, string> { ["Retry-After"] = "3" }) : ReceiverReply.NoContent), "tickets.created");

        await CreateTicketAsync(admin);
        var got = await Receiver.WaitForAsync(path, 2, Soon);
        await WaitForMessageAsync(admin, endpointId, "delivered");

        Assert.That(got[1].ReceivedAt - got[0].ReceivedAt, Is.GreaterThanOrEqualTo(TimeSpan.FromSeconds(2.9)), "Retry-After: 3 beats the schedule's 1 s");
    }

    [Test]
    public async Task An_answer_slower_than_the_timeout_is_a_failed_attempt_and_is_retried()
    {
        using var admin = Client((await AdminAsync()).Token);
        var path = $"/slow-{Guid.NewGuid():N}";
        var (endpointId, _) = await CreateEndpointAsync(admin, Receiver.Url(path, n => n == 1 ? new ReceiverReply(204, TimeSpan.FromSeconds(5)) : ReceiverReply.NoContent), "tickets.created");

        await CreateTicketAsync(admin);
        var message = await WaitForMessageAsync(admin, endpointId, "delivered");
        var attempts = ItemsOf(await JsonAsync(await admin.GetAsync($"/api/v1/webhooks/messages/{IdOf(message)}/attempts")));

        Assert.Multiple(() =>
        {
            Assert.That(attempts, Has.Count.EqualTo(2));
            Assert.That(attempts[0]!["status_code"], Is.Null);
            Assert.That(StringOf(attempts[0], "error"), Does.Contain("timed out after 2 s"));
            Assert.That(attempts[0]!["latency_ms"]!.GetValue<int>(), Is.InRange(1900, 4500));
        });
    }

    [Test]
    public async Task A_slow_receiver_does_not_hold_back_a_healthy_one()
    {
        using var admin = Client((await AdminAsync()).Token);
        var slow = $"/slow-{Guid.NewGuid():N}";
        var healthy = $"/healthy-{Guid.NewGuid():N}";
        await CreateEndpointAsync(admin, Receiver.Url(slow, _ => new ReceiverReply(204, TimeSpan.FromSeconds(1.5))), "tickets.created");
        await CreateEndpointAsync(admin, Receiver.Url(healthy), "tickets.created");

        for (var i = 0; i < 12; i++)
        {
            await CreateTicketAsync(admin, $"ticket {i}");
        }

        var fast = await Receiver.WaitForAsync(healthy, 12, Soon);
        var slowSoFar = Receiver.At(slow).Count;
        await Receiver.WaitForAsync(slow, 12, TimeSpan.FromSeconds(30));

        Assert.That(slowSoFar, Is.LessThan(12), $"the healthy receiver had all 12 by {fast[^1].ReceivedAt:HH:mm:ss.fff}, while the slow one, 4 at a time, was still behind");
    }

    [Test]
    public async Task The_test_call_sends_a_webhook_test_message_whatever_the_endpoint_subscribes_to()
    {
        using var admin = Client((await AdminAsync()).Token);
        var path = $"/test-{Guid.NewGuid():N}";
        var (endpointId, secret) = await CreateEndpointAsync(admin, Receiver.Url(path), "status.incident_created");

        var response = await SendAsync(admin, HttpMethod.Post, $"{Endpoints}/{endpointId}/test");
        var accepted = await JsonAsync(response);
        var got = (await Receiver.WaitForAsync(path, 1, Soon)).Single();
        var body = JsonNode.Parse(got.Body)!;
        var headers = HeadersOf(got);

        Assert.Multiple(() =>
        {
            Assert.That((int)response.StatusCode, Is.EqualTo(202), accepted.ToJsonString());
            Assert.That(response.Headers.Location?.ToString(), Is.EqualTo($"/api/v1/webhooks/messages/{IdOf(accepted)}"));
            Assert.That(StringOf(accepted, "status"), Is.EqualTo("pending"));
            Assert.That(got.Id, Is.EqualTo(IdOf(accepted).ToString()));
            Assert.That(StringOf(body, "type"), Is.EqualTo("webhook.test"));
            Assert.That(body["data"]!["endpoint_id"]!.GetValue<Guid>(), Is.EqualTo(endpointId));
            Assert.DoesNotThrow(() => new StandardWebhook(secret).Verify(got.Body, headers));
        });
    }

    [Test]
    public async Task Redeliver_sends_a_delivered_message_again_with_the_same_id_and_body()
    {
        using var admin = Client((await AdminAsync()).Token);
        var path = $"/again-{Guid.NewGuid():N}";
        var (endpointId, _) = await CreateEndpointAsync(admin, Receiver.Url(path), "tickets.created");
        await CreateTicketAsync(admin);
        var message = await WaitForMessageAsync(admin, endpointId, "delivered");

        var response = await SendAsync(admin, HttpMethod.Post, $"/api/v1/webhooks/messages/{IdOf(message)}/redeliver");
        var got = await Receiver.WaitForAsync(path, 2, Soon);
        var missing = await SendAsync(admin, HttpMethod.Post, $"/api/v1/webhooks/messages/{Guid.NewGuid()}/redeliver");

        Assert.Multiple(async () =>
        {
            Assert.That((int)response.StatusCode, Is.EqualTo(202));
            Assert.That(got[1].Id, Is.EqualTo(got[0].Id));
            Assert.That(got[1].Body, Is.EqualTo(got[0].Body));
            await AssertProblemAsync(missing, 404, "webhooks.message_not_found");
        });
    }

    [Test]
    public async Task A_command_that_fails_emits_no_message()
    {
        using var admin = Client((await AdminAsync()).Token);
        var path = $"/strict-{Guid.NewGuid():N}";
        var (endpointId, _) = await CreateEndpointAsync(admin, Receiver.Url(path), "tickets.created");

        var refused = await admin.PostAsync("/api/v1/tickets", JsonBody("""{"subject":"","body":"x"}"""));
        var ticket = await CreateTicketAsync(admin, "the valid one");
        var got = await Receiver.WaitForAsync(path, 1, Soon);
        await Task.Delay(TimeSpan.FromSeconds(1));

        Assert.Multiple(async () =>
        {
            Assert.That((int)refused.StatusCode, Is.EqualTo(400));
            Assert.That(Receiver.At(path), Has.Count.EqualTo(1));
            Assert.That(IdOf(JsonNode.Parse(got[0].Body)!["data"]), Is.EqualTo(IdOf(ticket)));
            Assert.That(await Database.CountAsync("webhook_messages", $"endpoint_id = '{endpointId}'"), Is.EqualTo(1));
        });
    }

    [Test]
    public async Task During_a_rotation_both_secrets_sign_the_new_one_first()
    {
        using var admin = Client((await AdminAsync()).Token);
        var path = $"/rotated-{Guid.NewGuid():N}";
        var (endpointId, oldSecret) = await CreateEndpointAsync(admin, Receiver.Url(path), "tickets.created");
        var rotated = await JsonAsync(await SendAsync(admin, HttpMethod.Post, $"{Endpoints}/{endpointId}/rotate-secret"));
        var newSecret = StringOf(rotated, "secret")!;

        await CreateTicketAsync(admin);
        var got = (await Receiver.WaitForAsync(path, 1, Soon)).Single();
        var signatures = got.Signature.Split(' ');
        var headers = HeadersOf(got);

        Assert.Multiple(() =>
        {
            Assert.That(signatures, Has.Length.EqualTo(2));
            Assert.That(signatures[0], Is.EqualTo(got.SignedWith(newSecret)), "the new secret signs first");
            Assert.That(signatures[1], Is.EqualTo(got.SignedWith(oldSecret)), "the old one still signs during the grace period");
            Assert.DoesNotThrow(() => new StandardWebhook(newSecret).Verify(got.Body, headers));
        });
    }

    [Test]
    public async Task Secrets_appear_in_no_message_attempt_or_log_row()
    {
        using var admin = Client((await AdminAsync()).Token);
        var path = $"/secret-{Guid.NewGuid():N}";
        var (endpointId, secret) = await CreateEndpointAsync(admin, Receiver.Url(path, n => n == 1 ? new ReceiverReply(500) : ReceiverReply.NoContent), "tickets.created");
        await CreateTicketAsync(admin);
        await WaitForMessageAsync(admin, endpointId, "delivered");

        foreach (var table in new[] { "webhook_messages", "webhook_attempts", "webhook_endpoints", "audit_log", "outbox_messages" })
        {
            await using var command = Database.DataSource.CreateCommand($"SELECT coalesce(string_agg(t::text, E'\\n'), '') FROM {table} t");
            var text = (string)(await command.ExecuteScalarAsync())!;
            Assert.That(text, Does.Not.Contain(secret[6..]), table);
        }
    }

    [Test]
    public async Task An_event_too_large_for_20_kB_is_sent_with_data_cut_down_to_the_id()
    {
        using var admin = Client((await AdminAsync()).Token);
        var path = $"/large-{Guid.NewGuid():N}";
        await CreateEndpointAsync(admin, Receiver.Url(path), "tickets.created");

        var ticket = await CreateTicketAsync(admin, "Long", new string('é', 20_000));
        var got = (await Receiver.WaitForAsync(path, 1, Soon)).Single();
        var body = JsonNode.Parse(got.Body)!.AsObject();

        Assert.Multiple(() =>
        {
            Assert.That(Encoding.UTF8.GetByteCount(got.Body), Is.LessThanOrEqualTo(20 * 1024));
            Assert.That(body["truncated"]!.GetValue<bool>(), Is.True);
            Assert.That(body["data"]!.AsObject().Select(p => p.Key), Is.EqualTo(new[] { "id" }));
            Assert.That(IdOf(body["data"]), Is.EqualTo(IdOf(ticket)));
        });
    }

    /// <summary>Polls the endpoint until it is disabled, and returns it (failing the test after <see cref="Soon"/>).</summary>
    private static async Task<JsonObject> WaitForDisabledAsync(HttpClient admin, Guid endpointId)
    {
        var waited = Stopwatch.StartNew();
        while (true)
        {
            var endpoint = await JsonAsync(await admin.GetAsync($"{Endpoints}/{endpointId}"));
            if (!endpoint["enabled"]!.GetValue<bool>() || waited.Elapsed > Soon)
            {
                return endpoint;
            }

            await Task.Delay(100);
        }
    }

    /// <summary>Polls the delivery log until the endpoint has a message with <paramref name="status"/>, and returns the newest.</summary>
    private static async Task<JsonObject> WaitForMessageAsync(HttpClient admin, Guid endpointId, string status) =>
        (await WaitForMessagesAsync(admin, endpointId, status, 1))[0];

    private static async Task<IReadOnlyList<JsonObject>> WaitForMessagesAsync(HttpClient admin, Guid endpointId, string status, int count)
    {
        var waited = Stopwatch.StartNew();
        while (true)
        {
            var page = await JsonAsync(await admin.GetAsync($"{Endpoints}/{endpointId}/messages?status={status}"));
            if (ItemsOf(page).Count >= count)
            {
                return [.. ItemsOf(page).Select(m => m!.AsObject())];
            }

            if (waited.Elapsed > Soon)
            {
                var all = await JsonAsync(await admin.GetAsync($"{Endpoints}/{endpointId}/messages"));
                Assert.Fail($"No {status} message for the endpoint in {Soon.TotalSeconds} s: {all.ToJsonString()}");
            }

            await Task.Delay(100);
        }
    }
}
