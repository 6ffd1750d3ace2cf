using System.Net.Http.Json;
using NUnit.Framework;
using Platform.Api.Tests.Infrastructure;

namespace Platform.Api.Tests;

/// <summary>
/// The inbox, through a Stripe-style source that only tests register: a verified event is stored once and answered
/// 200 (a redelivery too), its handler runs once through the outbox, and a failing handler is retried until it
/// succeeds. Unverified requests are 401, unreadable bodies 400, oversized 413, other media types 415, and nothing of
/// them is stored. Admins list the inbox and reprocess an event.
/// </summary>
public sealed class InboundWebhookTests : InboundTestBase
{
    private const string Admin = "/api/v1/admin/inbound-events";

    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Outbox:RetryBaseDelay"] = "00:00:00.200",
        ["Outbox:RetryMaxDelay"] = "00:00:00.500",
        ["Outbox:PollInterval"] = "00:00:00.500",
        ["Inbound:MaxBodyBytes"] = "4096",
    };

    [SetUp]
    public void ResetLog()
    {
        Log.Failing = false;
        Log.Handled.Clear();
    }

    [TestCase("application/json", TestName = "A_signed_json_event_is_stored_once_handled_once_and_a_redelivery_is_200_and_changes_nothing")]
    [TestCase("application/json; charset=utf-8", TestName = "A_signed_event_sent_as_json_with_a_utf8_charset_is_accepted")]
    [TestCase("text/plain", TestName = "A_signed_event_sent_as_text_plain_is_accepted")]
    public async Task A_signed_event_is_stored_once_and_handled_once(string contentType)
    {
        var id = NewEventId();
        var body = StripeEvent(id);

        var first = await PostStripeAsync(body, contentType: contentType);
        Assert.That((int)first.StatusCode, Is.EqualTo(200), await first.Content.ReadAsStringAsync());
        var receipt = await JsonAsync(first);
        var stored = await WaitForInboundAsync(id, r => r.Processed, "processed");

        // Stripe retries with a fresh timestamp and signature; the event id is what makes it the same event.
        var again = await PostStripeAsync(body, contentType: contentType);
        var replay = await JsonAsync(again);

        Assert.Multiple(async () =>
        {
            Assert.That(receipt["duplicate"]!.GetValue<bool>(), Is.False);
            Assert.That(IdOf(receipt), Is.EqualTo(stored.Id));
            Assert.That((int)again.StatusCode, Is.EqualTo(200));
            Assert.That(replay["duplicate"]!.GetValue<bool>(), Is.True, "a redelivery is answered as a duplicate");
            Assert.That(IdOf(replay), Is.EqualTo(stored.Id), "and names the event already stored");
            Assert.That(await InboundRowsAsync("stripe_test"), Has.Count.EqualTo(1), "stored once");
            Assert.That(stored.Payload, Is.EqualTo(body), "the body is kept exactly as it was signed");
            Assert.That(stored.Type, Is.EqualTo("charge.succeeded"));
            Assert.That(stored.Attempts, Is.EqualTo(1));
            Assert.That(Log.TimesHandled(id), Is.EqualTo(1), "handled once");
            Assert.That(await CountAsync("SELECT count(*) FROM outbox_messages WHERE type = 'inbound.received'"), Is.EqualTo(1), "the redelivery queued no second run");
        });
    }

    [Test]
    public async Task The_same_event_delivered_five_times_at_once_is_stored_once_and_every_delivery_is_200()
    {
        var id = NewEventId();
        var body = StripeEvent(id);

        var responses = await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => PostStripeAsync(body)));
        var receipts = await Task.WhenAll(responses.Select(JsonAsync));
        await WaitForInboundAsync(id, r => r.Processed, "processed");

        Assert.Multiple(async () =>
        {
            Assert.That(responses.Select(r => (int)r.StatusCode), Is.All.EqualTo(200));
            Assert.That(receipts.Count(r => !r["duplicate"]!.GetValue<bool>()), Is.EqualTo(1), "one delivery stored it, the others saw it stored");
            Assert.That(receipts.Select(IdOf).Distinct().Count(), Is.EqualTo(1));
            Assert.That(await InboundRowsAsync("stripe_test"), Has.Count.EqualTo(1));
            Assert.That(Log.TimesHandled(id), Is.EqualTo(1));
        });
    }

    [TestCase("wrong-secret", TestName = "A_signature_made_with_another_secret_is_401_and_nothing_is_stored")]
    [TestCase("stale", TestName = "A_signature_older_than_5_minutes_is_401_and_nothing_is_stored")]
    [TestCase("future", TestName = "A_signature_more_than_5_minutes_ahead_is_401_and_nothing_is_stored")]
    [TestCase("tampered", TestName = "A_body_changed_after_signing_is_401_and_nothing_is_stored")]
    [TestCase("missing", TestName = "A_request_without_a_signature_is_401_and_nothing_is_stored")]
    [TestCase("v0-only", TestName = "A_signature_in_another_scheme_only_is_401_and_nothing_is_stored")]
    public async Task An_unverified_request_is_401_and_nothing_is_stored(string fault)
    {
        var body = StripeEvent(NewEventId());
        var now = DateTimeOffset.UtcNow;
        var current = StripeStyleTestSource.Secrets[0];
        var (sent, signature) = fault switch
        {
            "wrong-secret" => (body, StripeSignature.Header(body, now, "whsec_someone_elses_secret_000000")),
            "stale" => (body, StripeSignature.Header(body, now.AddMinutes(-6), current)),
            "future" => (body, StripeSignature.Header(body, now.AddMinutes(6), current)),
            "tampered" => (body.Replace("2000", "1", StringComparison.Ordinal), StripeSignature.Header(body, now, current)),
            "missing" => (body, string.Empty),
            _ => (body, StripeSignature.Header(body, now, current).Replace("v1=", "v0=", StringComparison.Ordinal)),
        };

        var response = await PostStripeAsync(sent, signature);

        await AssertProblemAsync(response, 401, "inbound.unverified");
        Assert.That(await InboundRowsAsync(), Is.Empty);
    }

    [Test]
    public async Task During_a_secret_roll_a_header_whose_v1_values_include_one_by_the_previous_secret_is_accepted()
    {
        var id = NewEventId();
        var body = StripeEvent(id);
        var header = StripeSignature.Header(body, DateTimeOffset.UtcNow, "whsec_not_ours_anymore_0000000000", StripeStyleTestSource.Secrets[1]);

        var response = await PostStripeAsync(body, header);

        Assert.That((int)response.StatusCode, Is.EqualTo(200), await response.Content.ReadAsStringAsync());
        await WaitForInboundAsync(id, r => r.Processed, "processed");
    }

    [TestCase("""{"object":"event","type":"charge.succeeded"}""", "application/json", TestName = "A_verified_event_without_an_id_is_400_and_nothing_is_stored")]
    [TestCase("this is not json", "text/plain", TestName = "A_verified_body_that_is_not_json_is_400_and_nothing_is_stored")]
    [TestCase("[1,2,3]", "application/json", TestName = "A_verified_json_array_is_400_and_nothing_is_stored")]
    public async Task A_verified_body_that_is_not_an_event_is_400(string body, string contentType)
    {
        var response = await PostStripeAsync(body, contentType: contentType);

        await AssertProblemAsync(response, 400, "inbound.payload_invalid");
        Assert.That(await InboundRowsAsync(), Is.Empty);
    }

    [Test]
    public async Task A_body_over_the_inbound_cap_is_413_and_nothing_is_stored()
    {
        var body = StripeEvent(NewEventId()).Replace("\"eur\"", $"\"{new string('e', 5000)}\"", StringComparison.Ordinal);

        var response = await PostStripeAsync(body);

        await AssertProblemAsync(response, 413, "request.too_large");
        Assert.That(await InboundRowsAsync(), Is.Empty);
    }

    [Test]
    public async Task A_body_in_a_media_type_providers_do_not_use_is_415_and_nothing_is_stored()
    {
        var body = StripeEvent(NewEventId());

        var xml = await PostStripeAsync(body, contentType: "application/xml");
        var latin1 = await PostStripeAsync(body, contentType: "application/json; charset=iso-8859-1");

        await AssertProblemAsync(xml, 415, "request.unsupported_media_type");
        await AssertProblemAsync(latin1, 415, "request.unsupported_media_type");
        Assert.That(await InboundRowsAsync(), Is.Empty);
    }

    [Test]
    public async Task A_failing_handler_leaves_the_event_failed_with_its_error_and_the_retry_after_recovery_processes_it_once()
    {
        Log.Failing = true;
        var id = NewEventId();

        var response = await PostStripeAsync(StripeEvent(id));
        Assert.That((int)response.StatusCode, Is.EqualTo(200), "the provider is answered before the handler runs");
        var failed = await WaitForInboundAsync(id, r => r.Error is not null && r.Attempts >= 2, "failed twice");
        using var admin = Client((await AdminAsync()).Token);
        var listed = ItemsOf(await JsonAsync(await admin.GetAsync($"{Admin}?status=failed")));

        Log.Failing = false;
        var processed = await WaitForInboundAsync(id, r => r.Processed, "processed after the handler recovered");

        Assert.Multiple(() =>
        {
            Assert.That(failed.Error, Does.Contain("The ledger the test source writes to is unavailable."));
            Assert.That(listed.Select(e => StringOf(e, "event_id")), Is.EqualTo(new[] { id }));
            Assert.That(StringOf(listed[0], "error"), Does.Contain("unavailable"));
            Assert.That(processed.Error, Is.Null, "success clears the error");
            Assert.That(processed.Attempts, Is.GreaterThan(failed.Attempts));
            Assert.That(Log.TimesHandled(id), Is.EqualTo(1), "failed runs left nothing behind; the good one ran once");
        });
    }

    [Test]
    public async Task An_admin_reprocesses_a_processed_event_its_handler_runs_again_and_the_change_is_audited()
    {
        var id = NewEventId();
        await PostStripeAsync(StripeEvent(id, "invoice.paid"));
        var stored = await WaitForInboundAsync(id, r => r.Processed, "processed");
        using var admin = Client((await AdminAsync()).Token);

        var response = await admin.PostAsync($"{Admin}/{stored.Id}/reprocess", null);
        Assert.That((int)response.StatusCode, Is.EqualTo(200), await response.Content.ReadAsStringAsync());
        var reprocessed = await JsonAsync(response);
        await WaitForInboundAsync(id, r => r.Processed && r.Attempts == 2, "processed a second time");
        var audit = ItemsOf(await JsonAsync(await admin.GetAsync("/api/v1/admin/audit?action=inbound.reprocess")));

        Assert.Multiple(() =>
        {
            Assert.That(StringOf(reprocessed, "status"), Is.EqualTo("pending"));
            Assert.That(Log.TimesHandled(id), Is.EqualTo(2));
            Assert.That(audit, Has.Count.EqualTo(1));
            Assert.That(StringOf(audit[0], "resource_id"), Is.EqualTo(stored.Id.ToString()));
        });
    }

    [Test]
    public async Task Reprocessing_an_unknown_event_is_404_and_only_admins_see_or_reprocess_the_inbox()
    {
        using var admin = Client((await AdminAsync()).Token);
        var (_, token) = await SignUpAsync();
        using var user = Client(token);

        await AssertProblemAsync(await admin.PostAsync($"{Admin}/{Guid.NewGuid()}/reprocess", null), 404, "inbound.event_not_found");
        await AssertProblemAsync(await user.GetAsync(Admin), 403, "auth.forbidden");
        await AssertProblemAsync(await user.PostAsync($"{Admin}/{Guid.NewGuid()}/reprocess", null), 403, "auth.forbidden");
        await AssertProblemAsync(await Client().GetAsync(Admin), 401, "auth.unauthorized");
    }

    [Test]
    public async Task Admins_list_the_inbox_newest_first_filtered_by_source_type_and_status()
    {
        var charge = NewEventId();
        var invoice = NewEventId();
        await PostStripeAsync(StripeEvent(charge, "charge.succeeded"));
        await PostStripeAsync(StripeEvent(invoice, "invoice.paid"));
        await WaitForInboundAsync(charge, r => r.Processed, "processed");
        await WaitForInboundAsync(invoice, r => r.Processed, "processed");
        using var admin = Client((await AdminAsync()).Token);

        var all = ItemsOf(await JsonAsync(await admin.GetAsync(Admin)));
        var invoices = ItemsOf(await JsonAsync(await admin.GetAsync($"{Admin}?type=invoice.paid")));
        var processed = ItemsOf(await JsonAsync(await admin.GetAsync($"{Admin}?source=stripe_test&status=processed")));
        var pending = ItemsOf(await JsonAsync(await admin.GetAsync($"{Admin}?status=pending")));
        var postmark = ItemsOf(await JsonAsync(await admin.GetAsync($"{Admin}?source=postmark")));
        var paged = await JsonAsync(await admin.GetAsync($"{Admin}?page_size=1"));
        var second = await JsonAsync(await admin.GetAsync($"{Admin}?page_size=1&cursor={Uri.EscapeDataString(paged["next_cursor"]!.GetValue<string>())}"));

        Assert.Multiple(() =>
        {
            Assert.That(all.Select(e => StringOf(e, "event_id")), Is.EqualTo(new[] { invoice, charge }), "newest first");
            Assert.That(StringOf(all[0], "source"), Is.EqualTo("stripe_test"));
            Assert.That(StringOf(all[0], "payload"), Is.EqualTo(StripeEvent(invoice, "invoice.paid")));
            Assert.That(StringOf(all[0], "content_type"), Is.EqualTo("application/json"));
            Assert.That(all[0]!["processed_at"], Is.Not.Null);
            Assert.That(invoices.Select(e => StringOf(e, "event_id")), Is.EqualTo(new[] { invoice }));
            Assert.That(processed, Has.Count.EqualTo(2));
            Assert.That(pending, Is.Empty);
            Assert.That(postmark, Is.Empty);
            Assert.That(ItemsOf(paged), Has.Count.EqualTo(1));
            Assert.That(paged["next_cursor"]?.GetValue<string>(), Is.Not.Null.And.Not.Empty);
            Assert.That(ItemsOf(second).Select(e => StringOf(e, "event_id")), Is.EqualTo(new[] { charge }), "the cursor goes on after the first page");
            Assert.That(second["next_cursor"], Is.Null, "and ends there");
        });
        await AssertProblemAsync(await admin.GetAsync($"{Admin}?status=lost"), 400, "validation.failed");
    }
}
