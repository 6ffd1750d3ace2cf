using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using NUnit.Framework;
using Platform.Api.Tests.Infrastructure;
using StandardWebhooks;

namespace Platform.Api.Tests;

/// <summary>
/// Postmark's and Resend's webhooks with the payloads they document: bounces, complaints and subscription changes
/// feed the suppression list and the message's status, once per event however often it is delivered; wrong
/// credentials, bad or stale signatures are 401 and store nothing. Mail goes out through a local fake Postmark API,
/// so messages carry the MessageID Postmark's events refer to. Resend's signatures are made by the StandardWebhooks
/// package, an implementation independent of ours.
/// </summary>
public sealed class EmailWebhookIngestionTests : InboundTestBase
{
    private const string PostmarkRoute = "/api/v1/email/webhooks/postmark";
    private const string ResendRoute = "/api/v1/email/webhooks/resend";
    private const string PostmarkUser = "postmark-hooks";
    private const string PostmarkPassword = "a-long-random-webhook-password";
    private const string Suppressions = "/api/v1/admin/email/suppressions";

    private static readonly string ResendSecret = "whsec_" + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
    private static readonly string ResendPreviousSecret = "whsec_" + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    private readonly WebhookReceiver postmark = WebhookReceiver.Start();

    protected override IDictionary<string, string?> Settings => FastDelivery(new Dictionary<string, string?>
    {
        ["Email:Provider"] = "postmark",
        ["Email:From"] = "Platform Tests <no-reply@platform.test>",
        ["Email:Postmark:ServerToken"] = "postmark-test-server-token",
        ["Email:Postmark:BaseUrl"] = postmark.BaseUrl.ToString(),
        ["Email:Webhooks:Postmark:Username"] = PostmarkUser,
        ["Email:Webhooks:Postmark:Password"] = PostmarkPassword,
        ["Email:Webhooks:Resend:Secret"] = ResendSecret,
        ["Email:Webhooks:Resend:PreviousSecret"] = ResendPreviousSecret,
        ["Email:Suppression:SoftBounceLimit"] = "2",
        ["Email:Suppression:SoftBounceWindowHours"] = "72",
        ["Outbox:RetryBaseDelay"] = "00:00:00.200",
        ["Outbox:RetryMaxDelay"] = "00:00:00.500",
    });

    /// <summary>Registration's confirmation mail is accepted and left out: these tests follow only their own messages.</summary>
    [OneTimeSetUp]
    public void AcceptConfirmationMail() =>
        postmark.Bypass = (_, body) => body.Contains("\"Confirm your email address", StringComparison.Ordinal)
            ? new ReceiverReply(200, Body: $$"""{"To":"x","SubmittedAt":"2026-12-03T00:00:00Z","MessageID":"{{Guid.NewGuid()}}","ErrorCode":0,"Message":"OK"}""")
            : null;

    [OneTimeTearDown]
    public async Task StopPostmark() => await postmark.DisposeAsync();

    private static string Basic(string user, string password) => "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes($"{user}:{password}"));

    private Task<HttpResponseMessage> PostPostmarkAsync(string body, string? authorization = null) =>
        PostRawAsync(PostmarkRoute, body, authorization == string.Empty ? [] : [("Authorization", authorization ?? Basic(PostmarkUser, PostmarkPassword))]);

    private Task<HttpResponseMessage> PostResendAsync(string body, string svixId, DateTimeOffset? signedAt = null, string? secret = null, string? signature = null)
    {
        var at = signedAt ?? DateTimeOffset.UtcNow;
        return PostRawAsync(ResendRoute, body,
        [
            ("svix-id", svixId),
            ("svix-timestamp", at.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture)),
            ("svix-signature", signature ?? new StandardWebhook(secret ?? ResendSecret).Sign(svixId, at, body)),
        ]);
    }

    /// <summary>Sends one message through the fake Postmark to a new address and returns the address and Postmark's MessageID for it.</summary>
    private async Task<(string Email, string MessageId, Guid Id)> SentThroughPostmarkAsync(string label)
    {
        var messageId = Guid.NewGuid().ToString();
        postmark.Answer("/email", _ => new ReceiverReply(200, Body: $$"""{"To":"x","SubmittedAt":"2026-12-03T00:00:00Z","MessageID":"{{messageId}}","ErrorCode":0,"Message":"OK"}"""));
        var email = NewEmail(label);
        await ChangePasswordAsync(email);
        var row = await WaitForMessageAsync(email, r => r.Status == "sent", "sent");
        return (email, messageId, row.Id);
    }

    private static string PostmarkBounce(long id, string type, string email, string messageId, DateTimeOffset at, string? content = null) =>
        new JsonObject
        {
            ["RecordType"] = type == "SpamComplaint" ? "SpamComplaint" : "Bounce",
            ["MessageStream"] = "outbound",
            ["ID"] = id,
            ["Type"] = type,
            ["TypeCode"] = type switch { "HardBounce" => 1, "SoftBounce" => 4096, "SpamComplaint" => 512, _ => 2 },
            ["Name"] = type,
            ["Tag"] = "account-security",
            ["MessageID"] = messageId,
            ["Metadata"] = new JsonObject { ["platform_message_id"] = "ignored" },
            ["ServerID"] = 23,
            ["Description"] = "The server was unable to deliver your message (ex: unknown user, mailbox not found).",
            ["Details"] = "smtp;550 5.1.1 The email account that you tried to reach does not exist.",
            ["Email"] = email,
            ["From"] = "no-reply@platform.test",
            ["BouncedAt"] = at.ToString("O"),
            ["DumpAvailable"] = content is not null,
            ["Inactive"] = type != "SoftBounce",
            ["CanActivate"] = type != "SpamComplaint",
            ["Subject"] = "Your password was changed - Platform",
            ["Content"] = content,
        }.ToJsonString();

    private static string PostmarkSubscriptionChange(string email, bool suppress, string reason, DateTimeOffset at) =>
        new JsonObject
        {
            ["RecordType"] = "SubscriptionChange",
            ["MessageID"] = Guid.NewGuid().ToString(),
            ["ServerID"] = 23,
            ["MessageStream"] = "outbound",
            ["ChangedAt"] = at.ToString("O"),
            ["Recipient"] = email,
            ["Origin"] = "Recipient",
            ["SuppressSending"] = suppress,
            ["SuppressionReason"] = suppress ? reason : null,
            ["Tag"] = "account-security",
            ["Metadata"] = new JsonObject(),
        }.ToJsonString();

    private static string ResendEvent(string type, string emailId, string[] to, string? bounceType = null) =>
        new JsonObject
        {
            ["type"] = type,
            ["created_at"] = DateTimeOffset.UtcNow.ToString("O"),
            ["data"] = new JsonObject
            {
                ["created_at"] = DateTimeOffset.UtcNow.AddMinutes(-1).ToString("O"),
                ["email_id"] = emailId,
                ["from"] = "Platform <no-reply@platform.test>",
                ["to"] = new JsonArray([.. to.Select(t => (JsonNode)t)]),
                ["subject"] = "Your sign-in code",
                ["bounce"] = bounceType is null ? null : new JsonObject
                {
                    ["message"] = "The recipient's mail server permanently rejected the email.",
                    ["subType"] = bounceType == "Permanent" ? "General" : "MailboxFull",
                    ["type"] = bounceType,
                },
            },
        }.ToJsonString();

    private async Task<JsonObject?> SuppressionAsync(HttpClient admin, string email)
    {
        var page = await JsonAsync(await admin.GetAsync($"{Suppressions}?email={Uri.EscapeDataString(email)}"));
        return ItemsOf(page).SingleOrDefault()?.AsObject();
    }

    private async Task<string> MessageStatusAsync(string email) => (await MessagesToAsync(email)).Single().Status;

    [Test]
    public async Task A_Postmark_hard_bounce_suppresses_the_address_marks_the_message_bounced_and_drops_the_returned_content()
    {
        var (email, messageId, id) = await SentThroughPostmarkAsync("hard");
        var body = PostmarkBounce(4323372036854775807, "HardBounce", email.ToUpperInvariant(), messageId, DateTimeOffset.UtcNow,
            content: "Return-Path: <>\r\nSubject: Your sign-in code\r\n\r\nYour code is 493817");

        var response = await PostPostmarkAsync(body);
        Assert.That((int)response.StatusCode, Is.EqualTo(200), await response.Content.ReadAsStringAsync());
        var stored = await WaitForInboundAsync("Bounce:4323372036854775807", r => r.Processed, "processed");
        using var admin = Client((await AdminAsync()).Token);
        var suppression = await SuppressionAsync(admin, email);
        var events = ItemsOf(await JsonAsync(await admin.GetAsync($"/api/v1/admin/email/events?kind=hard_bounce&recipient={Uri.EscapeDataString(email)}")));

        Assert.Multiple(async () =>
        {
            Assert.That(suppression, Is.Not.Null, "a hard bounce suppresses at once");
            Assert.That(StringOf(suppression, "reason"), Is.EqualTo("hard_bounce"));
            Assert.That(StringOf(suppression, "source"), Is.EqualTo("postmark"));
            Assert.That(await MessageStatusAsync(email), Is.EqualTo("bounced"), "matched through Postmark's MessageID");
            Assert.That(events, Has.Count.EqualTo(1));
            Assert.That(StringOf(events[0], "provider"), Is.EqualTo("postmark"));
            Assert.That(StringOf(events[0], "recipient"), Is.EqualTo(email.ToLowerInvariant()));
            Assert.That(events[0]!["message_id"]!.GetValue<Guid>(), Is.EqualTo(id));
            Assert.That(stored.Type, Is.EqualTo("Bounce"));
            Assert.That(stored.Payload, Does.Not.Contain("493817").And.Not.Contain("\"Content\""), "the returned message may carry a sign-in code: it is never stored");
            Assert.That(stored.Payload, Does.Contain("HardBounce"));
        });
    }

    [Test]
    public async Task A_Postmark_spam_complaint_suppresses_for_good_and_marks_the_message_complained()
    {
        var (email, messageId, _) = await SentThroughPostmarkAsync("complaint");

        var response = await PostPostmarkAsync(PostmarkBounce(7001, "SpamComplaint", email, messageId, DateTimeOffset.UtcNow));
        Assert.That((int)response.StatusCode, Is.EqualTo(200));
        await WaitForInboundAsync("SpamComplaint:7001", r => r.Processed, "processed");
        using var admin = Client((await AdminAsync()).Token);

        // A delivery report arriving late must not hide the complaint.
        var delivery = new JsonObject
        {
            ["RecordType"] = "Delivery", ["ServerID"] = 23, ["MessageStream"] = "outbound", ["MessageID"] = messageId, ["Recipient"] = email,
            ["Tag"] = "account-security", ["DeliveredAt"] = DateTimeOffset.UtcNow.AddMinutes(-1).ToString("O"), ["Details"] = "Test delivery webhook details",
            ["Metadata"] = new JsonObject(),
        }.ToJsonString();
        Assert.That((int)(await PostPostmarkAsync(delivery)).StatusCode, Is.EqualTo(200));
        await WaitForInboundAsync((await InboundRowsAsync("postmark")).Single(r => r.Type == "Delivery").EventId, r => r.Processed, "processed");

        Assert.That(StringOf(await SuppressionAsync(admin, email), "reason"), Is.EqualTo("complaint"));
        Assert.That(await MessageStatusAsync(email), Is.EqualTo("complained"), "a later delivery report does not replace a complaint");
        Assert.That(await CountAsync("SELECT count(*) FROM email_events WHERE kind = 'delivered'"), Is.EqualTo(1), "the delivery is recorded all the same");
        await AssertProblemAsync(await admin.DeleteAsync($"{Suppressions}/{email}"), 409, "email.complaint_is_permanent");
    }

    [Test]
    public async Task A_Postmark_redelivery_of_a_bounce_is_200_stored_once_and_recorded_once()
    {
        var (email, messageId, _) = await SentThroughPostmarkAsync("again");
        var body = PostmarkBounce(8001, "HardBounce", email, messageId, DateTimeOffset.UtcNow);

        var first = await PostPostmarkAsync(body);
        await WaitForInboundAsync("Bounce:8001", r => r.Processed, "processed");
        var second = await PostPostmarkAsync(body);

        Assert.Multiple(async () =>
        {
            Assert.That((int)first.StatusCode, Is.EqualTo(200));
            Assert.That((int)second.StatusCode, Is.EqualTo(200));
            Assert.That((await JsonAsync(second))["duplicate"]!.GetValue<bool>(), Is.True);
            Assert.That(await InboundRowsAsync("postmark"), Has.Count.EqualTo(1));
            Assert.That(await CountAsync("SELECT count(*) FROM email_events"), Is.EqualTo(1));
        });
    }

    [Test]
    public async Task Soft_bounces_suppress_only_when_the_limit_is_reached_within_the_window()
    {
        var (email, messageId, _) = await SentThroughPostmarkAsync("soft");
        using var admin = Client((await AdminAsync()).Token);

        // One long before the window, then one now: only one counts, so the address is still mailed.
        await PostPostmarkAsync(PostmarkBounce(9001, "SoftBounce", email, messageId, DateTimeOffset.UtcNow.AddDays(-4)));
        await WaitForInboundAsync("Bounce:9001", r => r.Processed, "processed");
        await PostPostmarkAsync(PostmarkBounce(9002, "Transient", email, messageId, DateTimeOffset.UtcNow));
        await WaitForInboundAsync("Bounce:9002", r => r.Processed, "processed");
        var afterOne = await SuppressionAsync(admin, email);

        await PostPostmarkAsync(PostmarkBounce(9003, "SoftBounce", email, messageId, DateTimeOffset.UtcNow));
        await WaitForInboundAsync("Bounce:9003", r => r.Processed, "processed");
        var afterTwo = await SuppressionAsync(admin, email);

        Assert.Multiple(async () =>
        {
            Assert.That(afterOne, Is.Null, "one soft bounce inside the window is under the limit of 2");
            Assert.That(StringOf(afterTwo, "reason"), Is.EqualTo("soft_bounce"));
            Assert.That(await CountAsync("SELECT count(*) FROM email_events WHERE kind = 'soft_bounce'"), Is.EqualTo(3));
        });
    }

    [Test]
    public async Task A_Postmark_unsubscribe_suppresses_and_Postmarks_reactivation_lifts_its_own_entry_but_not_an_admins()
    {
        var email = NewEmail("unsubscribed");
        var other = NewEmail("admin-suppressed");
        using var admin = Client((await AdminAsync()).Token);
        await admin.PostAsJsonAsync(Suppressions, new { email = other, note = "asked by phone" });

        await PostPostmarkAsync(PostmarkSubscriptionChange(email, suppress: true, "ManualSuppression", DateTimeOffset.UtcNow));
        await WaitForInboundAsync((await InboundRowsAsync("postmark")).Single().EventId, r => r.Processed, "processed");
        var suppressed = await SuppressionAsync(admin, email);

        await PostPostmarkAsync(PostmarkSubscriptionChange(email, suppress: false, "ManualSuppression", DateTimeOffset.UtcNow.AddSeconds(1)));
        await PostPostmarkAsync(PostmarkSubscriptionChange(other, suppress: false, "ManualSuppression", DateTimeOffset.UtcNow.AddSeconds(1)));
        foreach (var row in await InboundRowsAsync("postmark"))
        {
            await WaitForInboundAsync(row.EventId, r => r.Processed, "processed");
        }

        Assert.Multiple(async () =>
        {
            Assert.That(StringOf(suppressed, "reason"), Is.EqualTo("unsubscribe"));
            Assert.That(await SuppressionAsync(admin, email), Is.Null, "Postmark reactivated it, so it is lifted here too");
            Assert.That(StringOf(await SuppressionAsync(admin, other), "reason"), Is.EqualTo("manual"), "an admin's entry is the admin's to lift");
            Assert.That((await InboundRowsAsync("postmark")).Select(r => r.EventId), Has.All.StartsWith("sha256:"), "no ID in these payloads: the body's hash is the event id");
        });
    }

    [TestCase("wrong-password", TestName = "Postmark_with_a_wrong_password_is_401_and_nothing_is_stored")]
    [TestCase("wrong-user", TestName = "Postmark_with_a_wrong_user_name_is_401_and_nothing_is_stored")]
    [TestCase("missing", TestName = "Postmark_without_credentials_is_401_and_nothing_is_stored")]
    [TestCase("bearer", TestName = "Postmark_with_a_bearer_token_instead_is_401_and_nothing_is_stored")]
    public async Task Postmark_with_bad_credentials_is_401(string fault)
    {
        var authorization = fault switch
        {
            "wrong-password" => Basic(PostmarkUser, PostmarkPassword + "x"),
            "wrong-user" => Basic("someone", PostmarkPassword),
            "missing" => string.Empty,
            _ => "Bearer " + PostmarkPassword,
        };

        var response = await PostPostmarkAsync(PostmarkBounce(1, "HardBounce", NewEmail("x"), Guid.NewGuid().ToString(), DateTimeOffset.UtcNow), authorization);

        await AssertProblemAsync(response, 401, "inbound.unverified");
        Assert.That(await InboundRowsAsync(), Is.Empty);
        Assert.That(await CountAsync("SELECT count(*) FROM email_suppressions"), Is.Zero);
    }

    [TestCase("""{"MessageStream":"outbound","ID":5,"Email":"a@example.com"}""", TestName = "A_Postmark_payload_without_a_RecordType_is_400")]
    [TestCase("""{"RecordType":"Bounce","ID":5,"Type":"HardBounce","Email":"not an address"}""", TestName = "A_Postmark_bounce_without_a_valid_address_is_400")]
    [TestCase("""{"RecordType":"SubscriptionChange","Recipient":"a@example.com"}""", TestName = "A_Postmark_subscription_change_without_SuppressSending_is_400")]
    public async Task A_Postmark_payload_it_cannot_read_is_400_and_nothing_is_stored(string body)
    {
        await AssertProblemAsync(await PostPostmarkAsync(body), 400, "inbound.payload_invalid");
        Assert.That(await InboundRowsAsync(), Is.Empty);
    }

    [Test]
    public async Task A_Postmark_record_type_it_does_not_act_on_is_stored_processed_and_changes_nothing()
    {
        var body = """{"RecordType":"Open","MessageStream":"outbound","FirstOpen":true,"Recipient":"a@example.com","MessageID":"x","ReceivedAt":"2026-12-03T10:00:00Z"}""";

        Assert.That((int)(await PostPostmarkAsync(body)).StatusCode, Is.EqualTo(200));
        await WaitForInboundAsync((await InboundRowsAsync("postmark")).Single().EventId, r => r.Processed, "processed");

        Assert.That(await CountAsync("SELECT count(*) FROM email_events"), Is.Zero);
    }

    [TestCase("Permanent", "hard_bounce", TestName = "A_Resend_permanent_bounce_signed_by_the_StandardWebhooks_package_suppresses_the_address")]
    [TestCase("Transient", null, TestName = "A_Resend_transient_bounce_is_a_soft_bounce_and_under_the_limit_suppresses_nothing")]
    public async Task A_Resend_bounce(string bounceType, string? expectedReason)
    {
        var email = NewEmail("resend");
        var svixId = $"msg_{Guid.NewGuid():N}";

        var response = await PostResendAsync(ResendEvent("email.bounced", Guid.NewGuid().ToString(), [email], bounceType), svixId);
        Assert.That((int)response.StatusCode, Is.EqualTo(200), await response.Content.ReadAsStringAsync());
        var stored = await WaitForInboundAsync(svixId, r => r.Processed, "processed");
        using var admin = Client((await AdminAsync()).Token);
        var events = ItemsOf(await JsonAsync(await admin.GetAsync("/api/v1/admin/email/events")));

        Assert.Multiple(async () =>
        {
            Assert.That(stored.Type, Is.EqualTo("email.bounced"));
            Assert.That(StringOf(await SuppressionAsync(admin, email), "reason"), Is.EqualTo(expectedReason));
            Assert.That(events.Select(e => StringOf(e, "kind")), Is.EqualTo(new[] { expectedReason ?? "soft_bounce" }));
            Assert.That(StringOf(events[0], "provider_event_id"), Is.EqualTo(svixId));
            Assert.That(events[0]!["message_id"], Is.Null, "nothing was sent through Resend, so no message matches");
        });
    }

    [Test]
    public async Task A_Resend_complaint_about_a_message_to_two_addresses_suppresses_both_and_a_redelivery_changes_nothing()
    {
        var first = NewEmail("complained-a");
        var second = NewEmail("complained-b");
        var svixId = $"msg_{Guid.NewGuid():N}";
        var body = ResendEvent("email.complained", Guid.NewGuid().ToString(), [first, second]);

        var response = await PostResendAsync(body, svixId);
        await WaitForInboundAsync(svixId, r => r.Processed, "processed");
        var again = await PostResendAsync(body, svixId);
        using var admin = Client((await AdminAsync()).Token);

        Assert.Multiple(async () =>
        {
            Assert.That((int)response.StatusCode, Is.EqualTo(200));
            Assert.That((await JsonAsync(again))["duplicate"]!.GetValue<bool>(), Is.True);
            Assert.That(StringOf(await SuppressionAsync(admin, first), "reason"), Is.EqualTo("complaint"));
            Assert.That(StringOf(await SuppressionAsync(admin, second), "reason"), Is.EqualTo("complaint"));
            Assert.That(await CountAsync("SELECT count(*) FROM email_events WHERE kind = 'complaint'"), Is.EqualTo(2));
            Assert.That(await InboundRowsAsync("resend"), Has.Count.EqualTo(1));
        });
    }

    [Test]
    public async Task A_Resend_event_signed_with_the_previous_secret_during_a_rotation_is_accepted()
    {
        var svixId = $"msg_{Guid.NewGuid():N}";

        var response = await PostResendAsync(ResendEvent("email.delivered", Guid.NewGuid().ToString(), [NewEmail("delivered")]), svixId, secret: ResendPreviousSecret);

        Assert.That((int)response.StatusCode, Is.EqualTo(200), await response.Content.ReadAsStringAsync());
        await WaitForInboundAsync(svixId, r => r.Processed, "processed");
        Assert.That(await CountAsync("SELECT count(*) FROM email_events WHERE kind = 'delivered'"), Is.EqualTo(1));
        Assert.That(await CountAsync("SELECT count(*) FROM email_suppressions"), Is.Zero, "a delivery suppresses nothing");
    }

    [TestCase("other-secret", TestName = "A_Resend_event_signed_with_another_secret_is_401_and_nothing_is_stored")]
    [TestCase("old", TestName = "A_Resend_event_signed_6_minutes_ago_is_401_and_nothing_is_stored")]
    [TestCase("other-id", TestName = "A_Resend_signature_for_another_svix_id_is_401_and_nothing_is_stored")]
    [TestCase("garbage", TestName = "A_Resend_signature_that_is_not_one_is_401_and_nothing_is_stored")]
    public async Task A_Resend_event_with_a_bad_signature_is_401(string fault)
    {
        var body = ResendEvent("email.bounced", Guid.NewGuid().ToString(), [NewEmail("forged")], "Permanent");
        var svixId = $"msg_{Guid.NewGuid():N}";
        var other = "whsec_" + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

        var response = fault switch
        {
            "other-secret" => await PostResendAsync(body, svixId, secret: other),
            "old" => await PostResendAsync(body, svixId, signedAt: DateTimeOffset.UtcNow.AddMinutes(-6)),
            "other-id" => await PostResendAsync(body, svixId, signature: new StandardWebhook(ResendSecret).Sign("msg_other", DateTimeOffset.UtcNow, body)),
            _ => await PostResendAsync(body, svixId, signature: "v1,bm90IGEgc2lnbmF0dXJl"),
        };

        await AssertProblemAsync(response, 401, "inbound.unverified");
        Assert.That(await InboundRowsAsync(), Is.Empty);
        Assert.That(await CountAsync("SELECT count(*) FROM email_suppressions"), Is.Zero);
    }
}
