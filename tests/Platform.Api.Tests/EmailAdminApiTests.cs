using System.Net.Http.Json;
using System.Text.Json.Nodes;
using NUnit.Framework;
using Platform.Api.Tests.Infrastructure;

namespace Platform.Api.Tests;

/// <summary>
/// Admins see every message and the suppression list: filters by status, recipient (any case) and time, never the
/// content; suppressions added and removed by hand, audited, with a complaint that cannot be lifted. Mail is
/// simulated here (the default provider), which records each message as sent.
/// </summary>
public sealed class EmailAdminApiTests : EmailTestBase
{
    private const string Messages = "/api/v1/admin/email/messages";
    private const string Suppressions = "/api/v1/admin/email/suppressions";

    protected override IDictionary<string, string?> Settings => FastDelivery(new Dictionary<string, string?>());

    [Test]
    public async Task Admins_list_messages_newest_first_filtered_by_status_recipient_and_time_without_their_content()
    {
        // Each registration also sends its confirmation mail; the test follows the password-change mails it causes.
        static List<System.Text.Json.Nodes.JsonNode?> Own(System.Text.Json.Nodes.JsonArray items) =>
            [.. items.Where(m => StringOf(m, "template") != "email_verification")];

        using var admin = Client((await AdminAsync()).Token);
        var first = NewEmail("first");
        var second = NewEmail("second");
        var started = DateTimeOffset.UtcNow.AddSeconds(-1);
        await ChangePasswordAsync(first);
        await ChangePasswordAsync(second);
        await WaitForMessageAsync(first, r => r.Status == "sent", "sent");
        await WaitForMessageAsync(second, r => r.Status == "sent", "sent");

        var all = Own(ItemsOf(await JsonAsync(await admin.GetAsync(Messages))));
        var mine = Own(ItemsOf(await JsonAsync(await admin.GetAsync($"{Messages}?recipient={Uri.EscapeDataString(first.ToUpperInvariant())}"))));
        var failed = ItemsOf(await JsonAsync(await admin.GetAsync($"{Messages}?status=failed")));
        var later = ItemsOf(await JsonAsync(await admin.GetAsync($"{Messages}?from={Uri.EscapeDataString(DateTimeOffset.UtcNow.AddMinutes(1).ToString("O"))}")));
        var window = Own(ItemsOf(await JsonAsync(await admin.GetAsync($"{Messages}?status=sent&from={Uri.EscapeDataString(started.ToString("O"))}"))));
        var paged = await JsonAsync(await admin.GetAsync($"{Messages}?page_size=1"));

        Assert.Multiple(() =>
        {
            Assert.That(all.Select(m => StringOf(m, "recipient")), Is.EqualTo(new[] { second, first }), "newest first");
            Assert.That(mine.Select(m => StringOf(m, "recipient")), Is.EqualTo(new[] { first }), "the recipient filter ignores case");
            Assert.That(failed, Is.Empty);
            Assert.That(later, Is.Empty);
            Assert.That(window, Has.Count.EqualTo(2));
            Assert.That(StringOf(all[0], "status"), Is.EqualTo("sent"));
            Assert.That(StringOf(all[0], "template"), Is.EqualTo("password_changed"));
            Assert.That(StringOf(all[0], "provider"), Is.EqualTo("simulated"));
            Assert.That(StringOf(all[0], "subject"), Is.EqualTo("Your password was changed - Platform"));
            Assert.That(all[0]!["next_attempt_at"], Is.Null, "only pending messages have a next attempt");
            Assert.That(all[0]!.AsObject().Select(p => p.Key), Has.None.Contains("content").And.None.Contains("text").And.None.Contains("html"));
            Assert.That(ItemsOf(paged), Has.Count.EqualTo(1));
            Assert.That(paged["next_cursor"]?.GetValue<string>(), Is.Not.Null.And.Not.Empty);
        });
    }

    [TestCase("status=bounced_twice", TestName = "An_unknown_status_filter_is_400")]
    [TestCase("page_size=0", TestName = "A_page_size_of_0_is_400")]
    [TestCase("from=2026-02-01T00:00:00Z&to=2026-01-01T00:00:00Z", TestName = "A_time_window_that_ends_before_it_starts_is_400")]
    public async Task A_bad_message_filter_is_400_validation_failed(string query)
    {
        using var admin = Client((await AdminAsync()).Token);

        await AssertProblemAsync(await admin.GetAsync($"{Messages}?{query}"), 400, "validation.failed");
    }

    [TestCase("/api/v1/email/webhooks/postmark", TestName = "Without_configured_credentials_the_Postmark_route_refuses_every_request_401")]
    [TestCase("/api/v1/email/webhooks/resend", TestName = "Without_a_configured_secret_the_Resend_route_refuses_every_request_401")]
    public async Task An_unconfigured_email_webhook_route_refuses_every_request(string route)
    {
        using var client = Client();
        using var request = new HttpRequestMessage(HttpMethod.Post, route) { Content = JsonBody("""{"RecordType":"Bounce","ID":1,"Type":"HardBounce","Email":"a@example.com"}""") };
        request.Headers.TryAddWithoutValidation("Authorization", "Basic " + Convert.ToBase64String("user:password"u8.ToArray()));

        await AssertProblemAsync(await client.SendAsync(request), 401, "inbound.unverified");
        await using var count = Database.DataSource.CreateCommand("SELECT count(*) FROM inbound_events");
        Assert.That(await count.ExecuteScalarAsync(), Is.Zero, "nothing unverifiable is stored");
    }

    [Test]
    public async Task Only_admins_see_email()
    {
        var (_, token) = await SignUpAsync();
        using var user = Client(token);

        await AssertProblemAsync(await user.GetAsync(Messages), 403, "auth.forbidden");
        await AssertProblemAsync(await user.GetAsync(Suppressions), 403, "auth.forbidden");
        await AssertProblemAsync(await user.PostAsJsonAsync(Suppressions, new { email = "x@example.com" }), 403, "auth.forbidden");
    }

    [Test]
    public async Task A_suppression_added_by_hand_stops_mail_until_it_is_removed_and_both_changes_are_audited()
    {
        using var admin = Client((await AdminAsync()).Token);
        var email = NewEmail("manual");

        var added = await admin.PostAsJsonAsync(Suppressions, new { email = email.ToUpperInvariant(), note = "Asked us by phone" });
        var again = await admin.PostAsJsonAsync(Suppressions, new { email });
        var listed = ItemsOf(await JsonAsync(await admin.GetAsync($"{Suppressions}?email={Uri.EscapeDataString(email)}")));
        await ChangePasswordAsync(email);
        var suppressed = await WaitForMessageAsync(email, r => r.Status == "suppressed", "suppressed");

        var removed = await admin.DeleteAsync($"{Suppressions}/{email}");
        var removedAgain = await admin.DeleteAsync($"{Suppressions}/{email}");

        Assert.That((int)added.StatusCode, Is.EqualTo(201), await added.Content.ReadAsStringAsync());
        var body = await JsonAsync(added);
        Assert.Multiple(() =>
        {
            Assert.That(StringOf(body, "email"), Is.EqualTo(email.ToLowerInvariant()));
            Assert.That(StringOf(body, "reason"), Is.EqualTo("manual"));
            Assert.That(StringOf(body, "source"), Is.EqualTo("admin"));
            Assert.That(StringOf(body, "note"), Is.EqualTo("Asked us by phone"));
            Assert.That(listed.Select(s => IdOf(s)), Is.EqualTo(new[] { IdOf(body) }));
            Assert.That(suppressed.Attempts, Is.Zero);
            Assert.That((int)removed.StatusCode, Is.EqualTo(204));
        });
        await AssertProblemAsync(again, 409, "email.already_suppressed");
        await AssertProblemAsync(removedAgain, 404, "email.suppression_not_found");
        Assert.That(await Database.CountAsync("audit_log", "action = 'email.suppressions.add' AND outcome = 'succeeded'"), Is.EqualTo(1));
        Assert.That(await Database.CountAsync("audit_log", "action = 'email.suppressions.remove' AND outcome = 'succeeded'"), Is.EqualTo(1));
        Assert.That(await Database.CountAsync("email_suppressions"), Is.Zero);
    }

    [Test]
    public async Task A_complaint_can_never_be_removed()
    {
        using var admin = Client((await AdminAsync()).Token);
        var email = NewEmail("complained");
        await EmailTestData.SuppressAsync(Database.DataSource, email, "complaint");

        var problem = await AssertProblemAsync(await admin.DeleteAsync($"{Suppressions}/{email}"), 409, "email.complaint_is_permanent");

        Assert.That(await Database.CountAsync("email_suppressions"), Is.EqualTo(1), problem.ToJsonString());
        var listed = ItemsOf(await JsonAsync(await admin.GetAsync(Suppressions)));
        Assert.That(StringOf(listed.Single(), "reason"), Is.EqualTo("complaint"));
    }

    [TestCase("""{"email":"not an address"}""", "email", TestName = "Suppressing_something_that_is_not_an_address_is_400_for_email")]
    [TestCase("""{}""", "email", TestName = "Suppressing_without_an_address_is_400_for_email")]
    public async Task A_bad_suppression_is_400_for_its_field(string json, string field)
    {
        using var admin = Client((await AdminAsync()).Token);

        var problem = await AssertProblemAsync(await SendAsync(admin, HttpMethod.Post, Suppressions, json), 400, "validation.failed");

        Assert.That(problem["errors"]!.AsObject().Select(p => p.Key), Is.EqualTo(new[] { field }));
        Assert.That(await Database.CountAsync("email_suppressions"), Is.Zero);
    }
}
