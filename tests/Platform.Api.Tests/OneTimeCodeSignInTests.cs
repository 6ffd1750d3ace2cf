using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using NUnit.Framework;
using Platform.Api.Tests.Infrastructure;

namespace Platform.Api.Tests;

/// <summary>
/// One-time-code sign-in end to end, reading the code from the mail a real SMTP server received: the same 202 for
/// every address, a code that signs in once, five wrong tries that kill it, expiry, replacement by a new request, and
/// nothing mailed to unknown, disabled or suppressed accounts.
/// </summary>
public sealed partial class OneTimeCodeSignInTests : EmailTestBase
{
    private const string RequestPath = "/api/v1/auth/otp/request";
    private const string VerifyPath = "/api/v1/auth/otp/verify";
    private readonly SmtpSink sink = SmtpSink.Start();

    protected override IDictionary<string, string?> Settings => FastDelivery(sink.Settings());

    [OneTimeTearDown]
    public async Task StopSink() => await sink.DisposeAsync();

    private async Task<HttpResponseMessage> RequestCodeAsync(string email)
    {
        using var client = Client();
        return await client.PostAsJsonAsync(RequestPath, new { email });
    }

    private async Task<HttpResponseMessage> VerifyAsync(string email, string code, string? deviceName = "Phone")
    {
        using var client = Client();
        return await client.PostAsJsonAsync(VerifyPath, new { email, code, device_name = deviceName });
    }

    private async Task<string> RegisterAsync(string label)
    {
        var email = NewEmail(label);
        using var anonymous = Client();
        var registered = await anonymous.PostAsJsonAsync("/api/v1/auth/register", new { email, password = Password, display_name = "Otto" });
        Assert.That((int)registered.StatusCode, Is.EqualTo(201));
        return email;
    }

    /// <summary>Requests a code and reads it from the n-th mail to the address.</summary>
    private async Task<string> MailedCodeAsync(string email, int nth = 1)
    {
        var answer = await RequestCodeAsync(email);
        Assert.That((int)answer.StatusCode, Is.EqualTo(202));
        var mail = (await sink.WaitForAsync(nth, Soon, email))[nth - 1];
        var match = CodeLine().Match(mail.Text);
        Assert.That(match.Success, mail.Text);
        Assert.That(mail.Html, Does.Contain(match.Groups[1].Value), "the HTML part carries the same code");
        return match.Groups[1].Value;
    }

    [GeneratedRegex(@"^    (\d{6})\r?$", RegexOptions.Multiline)]
    private static partial Regex CodeLine();

    [Test]
    public async Task The_mailed_code_signs_in_once_with_the_same_token_response_as_a_password()
    {
        var email = await RegisterAsync("otp");

        var code = await MailedCodeAsync(email);
        var signedIn = await VerifyAsync(email.ToUpperInvariant(), code);
        var again = await VerifyAsync(email, code);

        Assert.That((int)signedIn.StatusCode, Is.EqualTo(200), await signedIn.Content.ReadAsStringAsync());
        var tokens = await JsonAsync(signedIn);
        Assert.That(tokens.Select(p => p.Key), Is.EquivalentTo(new[] { "access_token", "token_type", "expires_in", "refresh_token", "session_id" }));
        using var me = Client(StringOf(tokens, "access_token"));
        var sessions = ItemsOf(await JsonAsync(await me.GetAsync("/api/v1/auth/sessions")));
        Assert.That(sessions.Select(s => StringOf(s, "device_name")), Is.EqualTo(new[] { "Phone" }));
        await AssertProblemAsync(again, 401, "auth.otp_invalid");
        var mail = sink.To(email).Single();
        Assert.That(mail.Subject, Is.EqualTo("Your sign-in code - Platform"));
        Assert.That(await Database.CountAsync("one_time_codes", "spent_at IS NOT NULL"), Is.EqualTo(1));
        Assert.That(await Database.CountAsync("audit_log", "action = 'auth.login_succeeded'"), Is.EqualTo(1));
    }

    [Test]
    public async Task Every_address_gets_the_same_202_and_only_enabled_unsuppressed_accounts_get_mail()
    {
        var known = await RegisterAsync("known");
        var disabled = await RegisterAsync("disabled");
        var suppressed = await RegisterAsync("suppressed");
        var unknown = NewEmail("nobody");
        await using (var disable = Database.DataSource.CreateCommand("UPDATE users SET disabled_at = now() WHERE normalized_email = upper($1)"))
        {
            disable.Parameters.AddWithValue(disabled);
            await disable.ExecuteNonQueryAsync();
        }

        await EmailTestData.SuppressAsync(Database.DataSource, suppressed);

        var bodies = new List<string>();
        foreach (var email in new[] { known, disabled, suppressed, unknown })
        {
            var answer = await RequestCodeAsync(email);
            Assert.That((int)answer.StatusCode, Is.EqualTo(202), email);
            bodies.Add(await answer.Content.ReadAsStringAsync());
        }

        await sink.WaitForAsync(1, Soon, known);
        await Task.Delay(1500);
        Assert.Multiple(() =>
        {
            Assert.That(bodies.Distinct().Count(), Is.EqualTo(1), "one answer for every address");
            Assert.That(sink.To(disabled), Is.Empty);
            Assert.That(sink.To(suppressed), Is.Empty);
            Assert.That(sink.To(unknown), Is.Empty);
        });
        Assert.That(await Database.CountAsync("one_time_codes"), Is.EqualTo(1), "only the enabled, unsuppressed account got a code");
        Assert.That(await Database.CountAsync("email_messages", "template <> 'email_verification'"), Is.EqualTo(1));
    }

    [Test]
    public async Task Five_wrong_codes_kill_the_code_so_even_the_right_one_then_fails_until_a_new_one_is_requested()
    {
        var email = await RegisterAsync("guess");
        var code = await MailedCodeAsync(email);
        var wrong = code == "000000" ? "000001" : "000000";

        for (var i = 0; i < 5; i++)
        {
            await AssertProblemAsync(await VerifyAsync(email, wrong), 401, "auth.otp_invalid");
        }

        await AssertProblemAsync(await VerifyAsync(email, code), 401, "auth.otp_invalid");
        var fresh = await MailedCodeAsync(email, nth: 2);
        var signedIn = await VerifyAsync(email, fresh);
        Assert.That((int)signedIn.StatusCode, Is.EqualTo(200), await signedIn.Content.ReadAsStringAsync());
    }

    [Test]
    public async Task A_new_request_replaces_the_old_code_and_an_expired_code_fails()
    {
        var email = await RegisterAsync("replace");
        var first = await MailedCodeAsync(email);
        var second = await MailedCodeAsync(email, nth: 2);

        if (first != second)
        {
            await AssertProblemAsync(await VerifyAsync(email, first), 401, "auth.otp_invalid");
        }

        await using (var command = Database.DataSource.CreateCommand("UPDATE one_time_codes SET expires_at = now() - interval '1 second'"))
        {
            await command.ExecuteNonQueryAsync();
        }

        await AssertProblemAsync(await VerifyAsync(email, second), 401, "auth.otp_invalid");
    }

    [Test]
    public async Task Unknown_addresses_and_malformed_codes_are_refused_without_a_hint()
    {
        await AssertProblemAsync(await VerifyAsync(NewEmail("ghost"), "123456"), 401, "auth.otp_invalid");
        var problem = await AssertProblemAsync(await VerifyAsync(NewEmail("ghost"), "12345a"), 400, "validation.failed");
        Assert.That(problem["errors"]!.AsObject().Select(p => p.Key), Is.EqualTo(new[] { "code" }));
        await AssertProblemAsync(await RequestCodeAsync(""), 400, "validation.failed");
    }
}
