using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using NUnit.Framework;
using Platform.Api.Tests.Infrastructure;
using Platform.Testing;

namespace Platform.Api.Tests;

/// <summary>
/// Email verification, the bootstrap admin, password reset and email change end to end, reading every link and code
/// from the mail a real SMTP server received, with a test clock for expiry: tokens work once, die when replaced, when
/// the password changes and when they expire, and a reset ends every session on a second instance within 2 s.
/// </summary>
public sealed partial class AccountLifecycleTests : EmailTestBase
{
    private const string StrongPassword = "violet tractor umbrella";
    private readonly SmtpSink sink = SmtpSink.Start(keepVerificationMail: true);
    private readonly TestClock clock = new();

    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>(FastDelivery(sink.Settings()))
    {
        ["Auth:VerifyEmailUrl"] = "https://app.example.com/verify-email?token={token}",
        ["Auth:ResetPasswordUrl"] = "https://app.example.com/reset-password?token={token}",
    };

    protected override Action<IServiceCollection>? TestServices => services => services.AddSingleton<TimeProvider>(clock);

    [OneTimeTearDown]
    public async Task StopSink() => await sink.DisposeAsync();

    [GeneratedRegex(@"^    ([A-Za-z0-9_-]{43})\r?$", RegexOptions.Multiline)]
    private static partial Regex TokenLine();

    private async Task<HttpResponseMessage> PostAsync(string path, object body, string? accessToken = null)
    {
        using var client = Client(accessToken);
        return await client.PostAsJsonAsync(path, body);
    }

    private async Task<Guid> RegisterAsync(string email, string displayName = "Otto")
    {
        var registered = await PostAsync("/api/v1/auth/register", new { email, password = Password, display_name = displayName });
        Assert.That((int)registered.StatusCode, Is.EqualTo(201), await registered.Content.ReadAsStringAsync());
        return (await JsonAsync(registered))["id"]!.GetValue<Guid>();
    }

    /// <summary>The token of the n-th mail to the address with this subject, checking the link carries the same token.</summary>
    private async Task<string> MailedTokenAsync(string email, string subject, int nth = 1, string? linkPrefix = null)
    {
        var deadline = Stopwatch.StartNew();
        List<ReceivedMail> mails;
        while ((mails = [.. sink.To(email).Where(m => m.Subject == $"{subject} - Platform")]).Count < nth)
        {
            Assert.That(deadline.Elapsed, Is.LessThan(Soon), $"no mail '{subject}' number {nth} for {email}");
            await Task.Delay(50);
        }

        var mail = mails[nth - 1];
        var match = TokenLine().Match(mail.Text);
        Assert.That(match.Success, mail.Text);
        var token = match.Groups[1].Value;
        if (linkPrefix is not null)
        {
            Assert.That(mail.Text, Does.Contain(linkPrefix + token), "the link carries the same token");
            Assert.That(mail.Html, Does.Contain(linkPrefix + token));
        }

        return token;
    }

    private async Task<JsonObject> MeAsync(string accessToken)
    {
        using var client = Client(accessToken);
        return await JsonAsync(await client.GetAsync("/api/v1/me"));
    }

    [Test]
    public async Task Registration_mails_a_single_use_link_that_verifies_the_address()
    {
        var email = NewEmail("verify");
        await RegisterAsync(email);
        var token = await MailedTokenAsync(email, "Confirm your email address", linkPrefix: "https://app.example.com/verify-email?token=");
        var before = await MeAsync(await TokenAsync(email));

        var verified = await PostAsync("/api/v1/auth/email/verify", new { token });
        var again = await PostAsync("/api/v1/auth/email/verify", new { token });

        Assert.That((int)verified.StatusCode, Is.EqualTo(200), await verified.Content.ReadAsStringAsync());
        Assert.Multiple(async () =>
        {
            Assert.That(before["email_verified"]!.GetValue<bool>(), Is.False);
            Assert.That((await JsonAsync(verified))["email_verified"]!.GetValue<bool>(), Is.True);
            Assert.That((await MeAsync(await TokenAsync(email)))["email_verified"]!.GetValue<bool>(), Is.True);
        });
        await AssertProblemAsync(again, 400, "auth.token_invalid");
        Assert.That(await Database.CountAsync("audit_log", "action = 'users.email_verified'"), Is.EqualTo(1));
        Assert.That(await Database.CountAsync("account_tokens"), Is.Zero, "a used token is gone");
    }

    [Test]
    public async Task A_bootstrap_address_becomes_admin_only_when_its_mailed_link_is_used()
    {
        await RegisterAsync("root@example.com", "Root");
        var token = await MailedTokenAsync("root@example.com", "Confirm your email address");
        using (var unverified = Client(await TokenAsync("root@example.com")))
        {
            Assert.That((int)(await unverified.GetAsync("/api/v1/admin/users")).StatusCode, Is.EqualTo(403), "registering the address grants nothing");
        }

        var verified = await PostAsync("/api/v1/auth/email/verify", new { token });

        Assert.That((int)verified.StatusCode, Is.EqualTo(200), await verified.Content.ReadAsStringAsync());
        using var admin = Client(await TokenAsync("root@example.com"));
        var users = await admin.GetAsync("/api/v1/admin/users");
        Assert.That((int)users.StatusCode, Is.EqualTo(200));
        Assert.That(ItemsOf(await JsonAsync(users)).Single()!["email_verified"]!.GetValue<bool>(), Is.True);
        Assert.That(await Database.CountAsync("audit_log", "action = 'users.bootstrap_admin_granted'"), Is.EqualTo(1));
    }

    [Test]
    public async Task A_resent_link_replaces_the_first_and_a_link_expires_after_24_hours()
    {
        var email = NewEmail("resend");
        await RegisterAsync(email);
        var first = await MailedTokenAsync(email, "Confirm your email address");
        Assert.That((int)(await PostAsync("/api/v1/auth/email/verify/resend", new { email })).StatusCode, Is.EqualTo(202));
        var second = await MailedTokenAsync(email, "Confirm your email address", nth: 2);

        await AssertProblemAsync(await PostAsync("/api/v1/auth/email/verify", new { token = first }), 400, "auth.token_invalid");
        clock.Advance(TimeSpan.FromHours(24) + TimeSpan.FromMinutes(1));
        try
        {
            await AssertProblemAsync(await PostAsync("/api/v1/auth/email/verify", new { token = second }), 400, "auth.token_invalid");
        }
        finally
        {
            clock.Advance(-(TimeSpan.FromHours(24) + TimeSpan.FromMinutes(1)));
        }

        // The same token back inside its 24 hours works: it was refused above for its age and nothing else.
        Assert.That((int)(await PostAsync("/api/v1/auth/email/verify", new { token = second })).StatusCode, Is.EqualTo(200));
    }

    [Test]
    public async Task A_reset_sets_the_password_ends_every_session_on_both_instances_and_mails_the_owner()
    {
        var email = NewEmail("reset");
        await RegisterAsync(email);
        await using var hostB = new PlatformApiFactory(ApiDatabase.Instance, Settings, TestServices);
        using var anonymousB = hostB.CreateClient();
        var signInB = await anonymousB.PostAsJsonAsync("/api/v1/auth/token", new { email, password = Password });
        var accessB = (await JsonAsync(signInB))["access_token"]!.GetValue<string>();
        var accessA = await TokenAsync(email);

        Assert.That((int)(await PostAsync("/api/v1/auth/password/forgot", new { email })).StatusCode, Is.EqualTo(202));
        var token = await MailedTokenAsync(email, "Reset your password", linkPrefix: "https://app.example.com/reset-password?token=");
        var weak = await PostAsync("/api/v1/auth/password/reset", new { token, new_password = "password123" });
        var problem = await AssertProblemAsync(weak, 400, "validation.failed");
        Assert.That(problem["errors"]!.AsObject().Select(p => p.Key), Is.EqualTo(new[] { "new_password" }));

        var reset = await PostAsync("/api/v1/auth/password/reset", new { token, new_password = StrongPassword });
        var elapsed = Stopwatch.StartNew();
        Assert.That((int)reset.StatusCode, Is.EqualTo(200), await reset.Content.ReadAsStringAsync());
        Assert.That((await JsonAsync(reset))["revoked_sessions"]!.GetValue<int>(), Is.EqualTo(2), "the weak try left the token usable; the reset ended both sessions");

        using (var onB = hostB.CreateClient())
        {
            onB.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", accessB);
            while ((int)(await onB.GetAsync("/api/v1/me")).StatusCode != 401)
            {
                Assert.That(elapsed.Elapsed, Is.LessThan(TimeSpan.FromSeconds(2)), "the second instance still accepts a session the reset ended");
                await Task.Delay(50);
            }
        }

        using (var onA = Client(accessA))
        {
            Assert.That((int)(await onA.GetAsync("/api/v1/me")).StatusCode, Is.EqualTo(401));
        }

        await AssertProblemAsync(await PostAsync("/api/v1/auth/password/reset", new { token, new_password = StrongPassword + " again" }), 400, "auth.token_invalid");
        await AssertProblemAsync(await PostAsync("/api/v1/auth/token", new { email, password = Password }), 401, "auth.invalid_credentials");
        Assert.That((int)(await PostAsync("/api/v1/auth/token", new { email, password = StrongPassword })).StatusCode, Is.EqualTo(200));
        var notice = (await sink.WaitForAsync(3, Soon, email)).Select(m => m.Subject);
        Assert.That(notice, Does.Contain("Your password was changed - Platform"));
        Assert.That(await Database.CountAsync("audit_log", "action = 'users.password_reset'"), Is.EqualTo(1));
    }

    [Test]
    public async Task A_reset_token_dies_when_a_newer_one_is_asked_for_when_the_password_changes_and_after_30_minutes()
    {
        var email = NewEmail("dies");
        await RegisterAsync(email);
        await PostAsync("/api/v1/auth/password/forgot", new { email });
        var first = await MailedTokenAsync(email, "Reset your password");
        await PostAsync("/api/v1/auth/password/forgot", new { email });
        var second = await MailedTokenAsync(email, "Reset your password", nth: 2);
        await AssertProblemAsync(await PostAsync("/api/v1/auth/password/reset", new { token = first, new_password = StrongPassword }), 400, "auth.token_invalid");

        using (var client = Client(await TokenAsync(email)))
        {
            var changed = await client.PostAsJsonAsync("/api/v1/auth/password", new { current_password = Password, new_password = NewPassword });
            Assert.That((int)changed.StatusCode, Is.EqualTo(200), await changed.Content.ReadAsStringAsync());
        }

        await AssertProblemAsync(await PostAsync("/api/v1/auth/password/reset", new { token = second, new_password = StrongPassword }), 400, "auth.token_invalid");

        await PostAsync("/api/v1/auth/password/forgot", new { email });
        var third = await MailedTokenAsync(email, "Reset your password", nth: 3);
        clock.Advance(TimeSpan.FromMinutes(31));
        try
        {
            await AssertProblemAsync(await PostAsync("/api/v1/auth/password/reset", new { token = third, new_password = StrongPassword }), 400, "auth.token_invalid");
        }
        finally
        {
            clock.Advance(TimeSpan.FromMinutes(-31));
        }

        // Back inside its 30 minutes the same token works: it was refused for its age alone.
        Assert.That((int)(await PostAsync("/api/v1/auth/password/reset", new { token = third, new_password = StrongPassword })).StatusCode, Is.EqualTo(200));
    }

    [Test]
    public async Task A_pending_email_change_dies_when_the_owner_resets_the_password()
    {
        // Someone holding the account (a squatter, a stolen session) asks to move it to their own address...
        var email = NewEmail("owner");
        var theirs = NewEmail("squatter");
        await RegisterAsync(email);
        Assert.That((int)(await PostAsync("/api/v1/me/email", new { new_email = theirs, current_password = Password }, await TokenAsync(email))).StatusCode, Is.EqualTo(202));
        var move = await MailedTokenAsync(theirs, "Confirm your new email address");

        // ...then the mailbox's owner resets the password.
        await PostAsync("/api/v1/auth/password/forgot", new { email });
        var reset = await MailedTokenAsync(email, "Reset your password");
        Assert.That((int)(await PostAsync("/api/v1/auth/password/reset", new { token = reset, new_password = StrongPassword })).StatusCode, Is.EqualTo(200));

        await AssertProblemAsync(await PostAsync("/api/v1/auth/email/verify", new { token = move }), 400, "auth.token_invalid");
        Assert.That((int)(await PostAsync("/api/v1/auth/token", new { email, password = StrongPassword })).StatusCode, Is.EqualTo(200), "the account stayed at the owner's address");
    }

    [Test]
    public async Task An_email_change_happens_only_when_the_new_address_confirms_and_the_old_one_is_told()
    {
        var old = NewEmail("old");
        var taken = NewEmail("taken");
        var moved = NewEmail("new");
        await RegisterAsync(old);
        await RegisterAsync(taken);
        var access = await TokenAsync(old);

        await AssertProblemAsync(await PostAsync("/api/v1/me/email", new { new_email = moved, current_password = "not it at all" }, access), 400, "validation.failed");
        var toTaken = await PostAsync("/api/v1/me/email", new { new_email = taken, current_password = Password }, access);
        var toNew = await PostAsync("/api/v1/me/email", new { new_email = moved, current_password = Password }, access);
        Assert.Multiple(async () =>
        {
            Assert.That((int)toTaken.StatusCode, Is.EqualTo(202));
            Assert.That((int)toNew.StatusCode, Is.EqualTo(202));
            Assert.That(await toTaken.Content.ReadAsStringAsync(), Is.EqualTo(await toNew.Content.ReadAsStringAsync()), "a taken address is not revealed");
        });
        await sink.WaitForAsync(2, Soon, taken);
        Assert.That(sink.To(taken).Select(m => m.Subject), Does.Contain("Your email address was not changed - Platform"));
        var token = await MailedTokenAsync(moved, "Confirm your new email address");
        Assert.That((await MeAsync(access))["email"]!.GetValue<string>(), Is.EqualTo(old), "nothing changes before the new address confirms");

        var verified = await PostAsync("/api/v1/auth/email/verify", new { token });

        Assert.That((int)verified.StatusCode, Is.EqualTo(200), await verified.Content.ReadAsStringAsync());
        var me = await MeAsync(access);
        Assert.Multiple(() =>
        {
            Assert.That(me["email"]!.GetValue<string>(), Is.EqualTo(moved));
            Assert.That(me["email_verified"]!.GetValue<bool>(), Is.True);
        });
        await sink.WaitForAsync(2, Soon, old);
        Assert.That(sink.To(old).Select(m => m.Subject), Does.Contain("Your email address was changed - Platform"));
        Assert.That((int)(await PostAsync("/api/v1/auth/token", new { email = moved, password = Password })).StatusCode, Is.EqualTo(200));
        await AssertProblemAsync(await PostAsync("/api/v1/auth/token", new { email = old, password = Password }), 401, "auth.invalid_credentials");
    }
}
