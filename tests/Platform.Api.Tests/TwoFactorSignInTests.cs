using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using NUnit.Framework;
using OtpNet;
using Platform.Api.Tests.Infrastructure;
using Platform.Testing;

namespace Platform.Api.Tests;

/// <summary>
/// Two-factor sign-in with an authenticator app end to end: codes are computed here with Otp.NET from the secret the
/// enrolment answered, at the time of a test clock; the notices are read from a real SMTP server. A code, a
/// recovery code and an <c>mfa_token</c> each work once; wrong codes back off; agents (required here by
/// <c>Auth:RequireMfaForRoles</c>) must enrol before they get a session.
/// </summary>
public sealed partial class TwoFactorSignInTests : EmailTestBase
{
    private readonly SmtpSink sink = SmtpSink.Start();
    private readonly TestClock clock = new();

    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>(FastDelivery(sink.Settings()))
    {
        ["Auth:RequireMfaForRoles:0"] = "agent",
        ["Auth:MfaIssuer"] = "Acme Support",
    };

    protected override Action<IServiceCollection>? TestServices => services => services.AddSingleton<TimeProvider>(clock);

    [OneTimeTearDown]
    public async Task StopSink() => await sink.DisposeAsync();

    /// <summary>
    /// Each test starts with the clock 15 minutes behind real time, so moving it forward to the app's next code (and
    /// past a token's five minutes) never puts it ahead of the database's clock, which schedules the outbox and the
    /// mail queue.
    /// </summary>
    [SetUp]
    public void SetClockBehind() => clock.Advance(DateTimeOffset.UtcNow - TimeSpan.FromMinutes(15) - clock.GetUtcNow());

    [GeneratedRegex(@"^[a-km-np-z2-9]{4}-[a-km-np-z2-9]{4}-[a-km-np-z2-9]{4}-[a-km-np-z2-9]{4}$")]
    private static partial Regex RecoveryCodeShape();

    [GeneratedRegex(@"^    (\d{6})\r?$", RegexOptions.Multiline)]
    private static partial Regex MailedCodeLine();

    private sealed record Enrolled(Guid Id, string Email, string AccessToken, string Secret, IReadOnlyList<string> RecoveryCodes);

    private async Task<HttpResponseMessage> PostAsync(string path, object? body = null, string? accessToken = null)
    {
        using var client = Client(accessToken);
        return body is null ? await client.PostAsync(path, null) : await client.PostAsJsonAsync(path, body);
    }

    /// <summary>The code the app shows at the test clock's time, <paramref name="stepsAhead"/> steps later.</summary>
    private string CodeFor(string secret, int stepsAhead = 0) =>
        new Totp(Base32Encoding.ToBytes(secret)).ComputeTotp(clock.GetUtcNow().UtcDateTime.AddSeconds(30 * stepsAhead));

    /// <summary>Six digits that are none of the codes the server would accept now.</summary>
    private string WrongCodeFor(string secret)
    {
        var accepted = new[] { CodeFor(secret, -1), CodeFor(secret), CodeFor(secret, 1) };
        var wrong = 0;
        while (accepted.Contains(wrong.ToString("D6", System.Globalization.CultureInfo.InvariantCulture)))
        {
            wrong++;
        }

        return wrong.ToString("D6", System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>Moves past the step of the last code used, so the app shows a code that has not been spent.</summary>
    private void NextStep() => clock.Advance(TimeSpan.FromSeconds(30));

    private async Task<ReceivedMail> MailAsync(string email, string subject)
    {
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            if (sink.To(email).FirstOrDefault(m => m.Subject == $"{subject} - Platform") is { } mail)
            {
                return mail;
            }

            if (deadline.Elapsed > Soon)
            {
                await using var read = Database.DataSource.CreateCommand("SELECT string_agg(type || ' ' || status || ' ' || coalesce(last_error, '') || ' ' || next_attempt_at::text || ' ' || now()::text, E'\n') FROM outbox_messages");
                Assert.Fail($"no mail '{subject}' for {email}; got: {string.Join(", ", sink.To(email).Select(m => m.Subject))}\n{await read.ExecuteScalarAsync()}");
            }

            await Task.Delay(50);
        }
    }

    private async Task<string> SignInForMfaTokenAsync(string email, int status = 401, string code = "auth.mfa_required")
    {
        var answer = await PostAsync("/api/v1/auth/token", new { email, password = Password });
        var problem = await AssertProblemAsync(answer, status, code);
        Assert.That(problem["mfa_token"]?.GetValue<string>(), Has.Length.EqualTo(43), problem.ToJsonString());
        return problem["mfa_token"]!.GetValue<string>();
    }

    private async Task<Enrolled> EnrolAsync()
    {
        var email = NewEmail("mfa");
        var (id, token) = await SignUpAsync(email);
        var started = await PostAsync("/api/v1/auth/mfa/totp", accessToken: token);
        Assert.That((int)started.StatusCode, Is.EqualTo(200), await started.Content.ReadAsStringAsync());
        var secret = StringOf(await JsonAsync(started), "secret")!;
        var confirmed = await PostAsync("/api/v1/auth/mfa/totp/confirm", new { code = CodeFor(secret), current_password = Password }, token);
        Assert.That((int)confirmed.StatusCode, Is.EqualTo(200), await confirmed.Content.ReadAsStringAsync());
        var codes = (await JsonAsync(confirmed))["recovery_codes"]!.AsArray().Select(c => c!.GetValue<string>()).ToList();
        NextStep();
        return new Enrolled(id, email, token, secret, codes);
    }

    [Test]
    public async Task Enrolment_shows_the_secret_once_and_sign_in_then_needs_a_code_from_the_app()
    {
        var email = NewEmail("enrol");
        var (id, token) = await SignUpAsync(email);

        var started = await PostAsync("/api/v1/auth/mfa/totp", accessToken: token);
        Assert.That((int)started.StatusCode, Is.EqualTo(200), await started.Content.ReadAsStringAsync());
        Assert.That(started.Headers.CacheControl?.NoStore, Is.True, "the secret is never cached");
        var setup = await JsonAsync(started);
        var secret = StringOf(setup, "secret")!;
        Assert.Multiple(() =>
        {
            Assert.That(Base32Encoding.ToBytes(secret), Has.Length.EqualTo(20));
            Assert.That(StringOf(setup, "otpauth_uri"), Does.StartWith("otpauth://totp/").And.Contain($"secret={secret}").And.Contain("issuer=Acme%20Support"));
            Assert.That(setup["digits"]!.GetValue<int>(), Is.EqualTo(6));
            Assert.That(setup["period"]!.GetValue<int>(), Is.EqualTo(30));
        });
        var qr = StringOf(setup, "qr_code")!;
        Assert.That(qr, Does.StartWith("data:image/png;base64,"));
        Assert.That(Convert.FromBase64String(qr["data:image/png;base64,".Length..])[..8], Is.EqualTo(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }), "a PNG image");
        await using (var read = Database.DataSource.CreateCommand($"SELECT secret_sealed FROM user_totp WHERE user_id = '{id}'"))
        {
            Assert.That((string)(await read.ExecuteScalarAsync())!, Does.StartWith("v1:").And.Not.Contain(secret), "sealed at rest");
        }


        // Pending: sign-in does not ask for it yet, and a wrong code does not confirm it.
        Assert.That((int)(await PostAsync("/api/v1/auth/token", new { email, password = Password })).StatusCode, Is.EqualTo(200));
        await AssertProblemAsync(await PostAsync("/api/v1/auth/mfa/totp/confirm", new { code = WrongCodeFor(secret), current_password = Password }, token), 400, "auth.mfa_code_invalid");

        // A session alone cannot put an authenticator on the account: the password is asked too.
        var missing = await AssertProblemAsync(await PostAsync("/api/v1/auth/mfa/totp/confirm", new { code = CodeFor(secret) }, token), 400, "validation.failed");
        Assert.That(missing["errors"]!["current_password"], Is.Not.Null);
        await AssertProblemAsync(await PostAsync("/api/v1/auth/mfa/totp/confirm", new { code = CodeFor(secret), current_password = "not the password at all" }, token), 400, "validation.failed");
        var otherSession = StringOf(await JsonAsync(await PostAsync("/api/v1/auth/token", new { email, password = Password })), "access_token");

        var confirmed = await PostAsync("/api/v1/auth/mfa/totp/confirm", new { code = CodeFor(secret), current_password = Password }, token);
        Assert.That((int)confirmed.StatusCode, Is.EqualTo(200), await confirmed.Content.ReadAsStringAsync());
        Assert.That(confirmed.Headers.CacheControl?.NoStore, Is.True);
        var codes = (await JsonAsync(confirmed))["recovery_codes"]!.AsArray().Select(c => c!.GetValue<string>()).ToList();
        Assert.That(codes, Has.Count.EqualTo(10).And.Unique.And.All.Matches(RecoveryCodeShape()));
        using (var other = Client(otherSession))
        {
            await AssertProblemAsync(await other.GetAsync("/api/v1/me"), 401, "auth.session_revoked");
        }

        Assert.That(await Database.CountAsync("user_sessions", $"user_id = '{id}' AND revoked_at IS NULL"), Is.EqualTo(1), "the other sessions ended; the confirming one stays");
        using (var confirming = Client(token))
        {
            Assert.That((int)(await confirming.GetAsync("/api/v1/me")).StatusCode, Is.EqualTo(200));
        }

        Assert.That((await MailAsync(email, "Two-factor sign-in was turned on")).Text, Does.Contain("authenticator app"));
        Assert.That(await Database.CountAsync("audit_log", $"action = 'users.mfa_enabled' AND resource_id = '{id}'"), Is.EqualTo(1));
        await AssertProblemAsync(await PostAsync("/api/v1/auth/mfa/totp", accessToken: token), 409, "auth.mfa_already_enabled");

        using (var me = Client(token))
        {
            var status = await JsonAsync(await me.GetAsync("/api/v1/auth/mfa"));
            Assert.That(status["totp_enabled"]!.GetValue<bool>(), Is.True);
            Assert.That(status["recovery_codes_remaining"]!.GetValue<int>(), Is.EqualTo(10));
            Assert.That(status["required"]!.GetValue<bool>(), Is.False);
        }

        var sessionsBefore = await Database.CountAsync("user_sessions", $"user_id = '{id}'");
        var mfaToken = await SignInForMfaTokenAsync(email);
        Assert.That(await Database.CountAsync("user_sessions", $"user_id = '{id}'"), Is.EqualTo(sessionsBefore), "the password alone starts no session");

        NextStep();
        var verified = await PostAsync("/api/v1/auth/mfa/verify", new { mfa_token = mfaToken, code = CodeFor(secret) });
        Assert.That((int)verified.StatusCode, Is.EqualTo(200), await verified.Content.ReadAsStringAsync());
        Assert.That(verified.Headers.CacheControl?.NoStore, Is.True);
        var tokens = await JsonAsync(verified);
        Assert.That(tokens.Select(p => p.Key), Is.EquivalentTo(new[] { "access_token", "token_type", "expires_in", "refresh_token", "session_id" }));
        using var signedIn = Client(StringOf(tokens, "access_token"));
        Assert.That(StringOf(await JsonAsync(await signedIn.GetAsync("/api/v1/me")), "email"), Is.EqualTo(email));
        Assert.That(await Database.CountAsync("audit_log", "action = 'auth.login_succeeded' AND changes->>'second_factor' = 'totp'"), Is.EqualTo(1));
    }

    [Test]
    public async Task A_code_and_an_mfa_token_each_work_once_and_the_token_expires_after_five_minutes()
    {
        var user = await EnrolAsync();
        var first = await SignInForMfaTokenAsync(user.Email);
        var code = CodeFor(user.Secret);
        Assert.That((int)(await PostAsync("/api/v1/auth/mfa/verify", new { mfa_token = first, code })).StatusCode, Is.EqualTo(200));

        // The same code again, within its window, from a new sign-in: refused, and that sign-in's token survives it.
        var second = await SignInForMfaTokenAsync(user.Email);
        await AssertProblemAsync(await PostAsync("/api/v1/auth/mfa/verify", new { mfa_token = second, code }), 401, "auth.mfa_code_invalid");
        NextStep();
        Assert.That((int)(await PostAsync("/api/v1/auth/mfa/verify", new { mfa_token = second, code = CodeFor(user.Secret) })).StatusCode, Is.EqualTo(200));

        // A used token, and a token older than five minutes, are refused even with a fresh code.
        NextStep();
        await AssertProblemAsync(await PostAsync("/api/v1/auth/mfa/verify", new { mfa_token = first, code = CodeFor(user.Secret) }), 401, "auth.mfa_token_invalid");
        var stale = await SignInForMfaTokenAsync(user.Email);
        clock.Advance(TimeSpan.FromMinutes(5) + TimeSpan.FromSeconds(1));
        await AssertProblemAsync(await PostAsync("/api/v1/auth/mfa/verify", new { mfa_token = stale, code = CodeFor(user.Secret) }), 401, "auth.mfa_token_invalid");

        // A code from two steps ago is outside the window.
        var late = await SignInForMfaTokenAsync(user.Email);
        await AssertProblemAsync(await PostAsync("/api/v1/auth/mfa/verify", new { mfa_token = late, code = CodeFor(user.Secret, -2) }), 401, "auth.mfa_code_invalid");
    }

    [Test]
    public async Task The_same_code_sent_twice_at_once_signs_in_once()
    {
        var user = await EnrolAsync();
        var tokens = new List<string>();
        for (var i = 0; i < 4; i++)
        {
            tokens.Add(await SignInForMfaTokenAsync(user.Email));
        }

        var code = CodeFor(user.Secret);

        var answers = await Task.WhenAll(tokens.Select(t => PostAsync("/api/v1/auth/mfa/verify", new { mfa_token = t, code })));

        Assert.That(answers.Count(a => (int)a.StatusCode == 200), Is.EqualTo(1), string.Join(", ", answers.Select(a => (int)a.StatusCode)));
        Assert.That(answers.Count(a => (int)a.StatusCode == 401), Is.EqualTo(3));
        Assert.That(await Database.CountAsync("audit_log", $"action = 'auth.login_succeeded' AND actor_id = '{user.Id}' AND changes ? 'second_factor'"), Is.EqualTo(1));
    }

    [Test]
    public async Task A_recovery_code_works_once_and_the_owner_is_told_how_many_remain()
    {
        var user = await EnrolAsync();
        var mfaToken = await SignInForMfaTokenAsync(user.Email);

        // Typed loosely: upper case, spaces instead of hyphens.
        var typed = user.RecoveryCodes[3].ToUpperInvariant().Replace('-', ' ');
        var verified = await PostAsync("/api/v1/auth/mfa/verify", new { mfa_token = mfaToken, recovery_code = typed });
        Assert.That((int)verified.StatusCode, Is.EqualTo(200), await verified.Content.ReadAsStringAsync());
        Assert.That((await JsonAsync(verified))["recovery_codes_remaining"]!.GetValue<int>(), Is.EqualTo(9));

        var again = await SignInForMfaTokenAsync(user.Email);
        await AssertProblemAsync(await PostAsync("/api/v1/auth/mfa/verify", new { mfa_token = again, recovery_code = user.RecoveryCodes[3] }), 401, "auth.mfa_code_invalid");
        var mail = await MailAsync(user.Email, "A recovery code was used to sign in");
        Assert.That(mail.Text, Does.Contain("you have 9 left"));
        Assert.That(await Database.CountAsync("audit_log", $"action = 'users.mfa_recovery_code_used' AND resource_id = '{user.Id}'"), Is.EqualTo(1));
        Assert.That(await Database.CountAsync("audit_log", $"action = 'auth.login_failed' AND changes->>'reason' = 'wrong_recovery_code'"), Is.EqualTo(1));
        Assert.That(await Database.CountAsync("mfa_recovery_codes", $"user_id = '{user.Id}'"), Is.EqualTo(9));
        using var me = Client(user.AccessToken);
        Assert.That((await JsonAsync(await me.GetAsync("/api/v1/auth/mfa")))["recovery_codes_remaining"]!.GetValue<int>(), Is.EqualTo(9));
    }

    [Test]
    public async Task Wrong_codes_back_off_like_wrong_passwords_even_for_the_right_code()
    {
        var user = await EnrolAsync();
        var mfaToken = await SignInForMfaTokenAsync(user.Email);
        for (var i = 0; i < 4; i++)
        {
            await AssertProblemAsync(await PostAsync("/api/v1/auth/mfa/verify", new { mfa_token = mfaToken, code = WrongCodeFor(user.Secret) }), 401, "auth.mfa_code_invalid");
        }

        var blocked = await PostAsync("/api/v1/auth/mfa/verify", new { mfa_token = mfaToken, code = CodeFor(user.Secret) });
        await AssertProblemAsync(blocked, 429, "auth.login_backoff");
        Assert.That(Header(blocked, "Retry-After"), Is.EqualTo("1"));
        Assert.That(await Database.CountAsync("audit_log", $"action = 'auth.login_failed' AND changes->>'reason' = 'wrong_mfa_code' AND actor_id = '{user.Id}'"), Is.EqualTo(4));

        // The password's own back-off is apart: the password still gets the mfa_token.
        clock.Advance(TimeSpan.FromSeconds(2));
        var verified = await PostAsync("/api/v1/auth/mfa/verify", new { mfa_token = mfaToken, code = CodeFor(user.Secret) });
        Assert.That((int)verified.StatusCode, Is.EqualTo(200), await verified.Content.ReadAsStringAsync());
    }

    [Test]
    public async Task Turning_it_off_needs_the_password_and_a_current_code()
    {
        var user = await EnrolAsync();

        await AssertProblemAsync(
            await PostAsync("/api/v1/auth/mfa/totp/disable", new { current_password = "not the password at all", code = CodeFor(user.Secret) }, user.AccessToken),
            400,
            "validation.failed");
        await AssertProblemAsync(
            await PostAsync("/api/v1/auth/mfa/totp/disable", new { current_password = Password, code = WrongCodeFor(user.Secret) }, user.AccessToken),
            400,
            "auth.mfa_code_invalid");
        await AssertProblemAsync(await PostAsync("/api/v1/auth/mfa/totp/disable", new { current_password = Password }, user.AccessToken), 400, "validation.failed");
        Assert.That((int)(await PostAsync("/api/v1/auth/token", new { email = user.Email, password = Password })).StatusCode, Is.EqualTo(401), "still on");

        var disabled = await PostAsync("/api/v1/auth/mfa/totp/disable", new { current_password = Password, code = CodeFor(user.Secret) }, user.AccessToken);
        Assert.That((int)disabled.StatusCode, Is.EqualTo(200), await disabled.Content.ReadAsStringAsync());
        Assert.That((await JsonAsync(disabled))["totp_enabled"]!.GetValue<bool>(), Is.False);

        Assert.That((int)(await PostAsync("/api/v1/auth/token", new { email = user.Email, password = Password })).StatusCode, Is.EqualTo(200), "the password alone signs in again");
        Assert.That((await MailAsync(user.Email, "Two-factor sign-in was turned off")).Text, Does.Contain("recovery codes no longer work"));
        Assert.That(await Database.CountAsync("audit_log", $"action = 'users.mfa_disabled' AND resource_id = '{user.Id}'"), Is.EqualTo(1));
        Assert.That(await Database.CountAsync("mfa_recovery_codes", $"user_id = '{user.Id}'"), Is.Zero);
        await AssertProblemAsync(
            await PostAsync("/api/v1/auth/mfa/totp/disable", new { current_password = Password, code = CodeFor(user.Secret) }, user.AccessToken),
            409,
            "auth.mfa_not_enabled");
    }

    [Test]
    public async Task A_password_change_ends_sign_ins_waiting_for_their_code()
    {
        var user = await EnrolAsync();
        var waiting = await SignInForMfaTokenAsync(user.Email);

        var changed = await PostAsync("/api/v1/auth/password", new { current_password = Password, new_password = NewPassword }, user.AccessToken);
        Assert.That((int)changed.StatusCode, Is.EqualTo(200), await changed.Content.ReadAsStringAsync());

        await AssertProblemAsync(await PostAsync("/api/v1/auth/mfa/verify", new { mfa_token = waiting, code = CodeFor(user.Secret) }), 401, "auth.mfa_token_invalid");
    }

    [Test]
    public async Task A_mailed_one_time_code_is_a_first_factor_too()
    {
        var user = await EnrolAsync();
        Assert.That((int)(await PostAsync("/api/v1/auth/otp/request", new { email = user.Email })).StatusCode, Is.EqualTo(202));
        var mail = await MailAsync(user.Email, "Your sign-in code");

        var answer = await PostAsync("/api/v1/auth/otp/verify", new { email = user.Email, code = MailedCodeLine().Match(mail.Text).Groups[1].Value });

        var problem = await AssertProblemAsync(answer, 401, "auth.mfa_required");
        var verified = await PostAsync("/api/v1/auth/mfa/verify", new { mfa_token = StringOf(problem, "mfa_token"), code = CodeFor(user.Secret) });
        Assert.That((int)verified.StatusCode, Is.EqualTo(200), await verified.Content.ReadAsStringAsync());
    }

    [Test]
    public async Task A_required_role_enrols_with_its_mfa_token_and_an_admin_reset_makes_it_enrol_again()
    {
        var email = NewEmail("agent");
        var (id, _) = await SignUpAsync(email);
        var (_, adminToken) = await AdminAsync();
        using (var admin = Client(adminToken))
        {
            Assert.That((int)(await admin.PutAsJsonAsync($"/api/v1/admin/users/{id}/roles", new { roles = new[] { "agent" } })).StatusCode, Is.EqualTo(200));
        }

        var enrolment = await SignInForMfaTokenAsync(email, 403, "auth.mfa_enrolment_required");
        await AssertProblemAsync(await PostAsync("/api/v1/auth/mfa/verify", new { mfa_token = enrolment, code = "123456" }), 401, "auth.mfa_token_invalid");
        await AssertProblemAsync(await PostAsync("/api/v1/auth/mfa/totp"), 401, "auth.unauthorized");

        var started = await PostAsync("/api/v1/auth/mfa/totp", new { mfa_token = enrolment });
        Assert.That((int)started.StatusCode, Is.EqualTo(200), await started.Content.ReadAsStringAsync());
        var secret = StringOf(await JsonAsync(started), "secret")!;
        var confirmed = await PostAsync("/api/v1/auth/mfa/totp/confirm", new { code = CodeFor(secret), mfa_token = enrolment });
        Assert.That((int)confirmed.StatusCode, Is.EqualTo(200), await confirmed.Content.ReadAsStringAsync());
        await AssertProblemAsync(await PostAsync("/api/v1/auth/mfa/totp", new { mfa_token = enrolment }), 401, "auth.mfa_token_invalid");

        NextStep();
        var mfaToken = await SignInForMfaTokenAsync(email);
        var verified = await PostAsync("/api/v1/auth/mfa/verify", new { mfa_token = mfaToken, code = CodeFor(secret) });
        Assert.That((int)verified.StatusCode, Is.EqualTo(200), await verified.Content.ReadAsStringAsync());
        var agentToken = StringOf(await JsonAsync(verified), "access_token");
        NextStep();
        await AssertProblemAsync(
            await PostAsync("/api/v1/auth/mfa/totp/disable", new { current_password = Password, code = CodeFor(secret) }, agentToken),
            403,
            "auth.mfa_enrolment_required");

        // An admin cannot use the reset on themselves: it skips the password and code that turning it off needs.
        var (adminId, _) = await AdminAsync();
        await AssertProblemAsync(await PostAsync($"/api/v1/admin/users/{adminId}/mfa/reset", accessToken: adminToken), 409, "users.cannot_reset_own_mfa");

        // Lost device: an admin resets; the owner is told, and the next sign-in must enrol again.
        await AssertProblemAsync(await PostAsync($"/api/v1/admin/users/{id}/mfa/reset", accessToken: agentToken), 403, "auth.forbidden");
        var reset = await PostAsync($"/api/v1/admin/users/{id}/mfa/reset", accessToken: adminToken);
        Assert.That((int)reset.StatusCode, Is.EqualTo(200), await reset.Content.ReadAsStringAsync());
        Assert.That((await JsonAsync(reset))["totp_enabled"]!.GetValue<bool>(), Is.False);
        Assert.That((await MailAsync(email, "Two-factor sign-in was reset by an administrator")).Text, Does.Contain("administrator removed"));
        Assert.That(await Database.CountAsync("audit_log", $"action = 'users.mfa_reset' AND resource_id = '{id}'"), Is.EqualTo(1));
        await SignInForMfaTokenAsync(email, 403, "auth.mfa_enrolment_required");
        await AssertProblemAsync(await PostAsync($"/api/v1/admin/users/{Guid.NewGuid()}/mfa/reset", accessToken: adminToken), 404, "users.not_found");
    }

    [Test]
    public async Task After_a_key_is_configured_reseal_frees_the_secrets_from_the_server_secret()
    {
        var user = await EnrolAsync();
        var keyed = new Dictionary<string, string?>(Settings) { ["Auth:MfaEncryptionKey"] = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32)) };
        var (_, adminToken) = await AdminAsync();

        await using (var withKey = new PlatformApiFactory(Database, keyed, TestServices))
        {
            using var admin = withKey.CreateClient();
            admin.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", adminToken);
            var resealed = await admin.PostAsync("/api/v1/admin/mfa/reseal", null);
            Assert.That((int)resealed.StatusCode, Is.EqualTo(200), await resealed.Content.ReadAsStringAsync());
            var counts = await JsonAsync(resealed);
            Assert.That(counts["resealed_secrets"]!.GetValue<int>(), Is.EqualTo(1));
            Assert.That(counts["unreadable_secrets"]!.GetValue<int>(), Is.Zero);
            Assert.That((await JsonAsync(await admin.PostAsync("/api/v1/admin/mfa/reseal", null)))["resealed_secrets"]!.GetValue<int>(), Is.Zero);
        }

        // Another Auth:SecretKey, the same MFA key: the app's codes still sign in.
        keyed["Auth:SecretKey"] = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));
        await using var rotated = new PlatformApiFactory(Database, keyed, TestServices);
        using var client = rotated.CreateClient();
        var answer = await client.PostAsJsonAsync("/api/v1/auth/token", new { email = user.Email, password = Password });
        var mfaToken = (await AssertProblemAsync(answer, 401, "auth.mfa_required"))["mfa_token"]!.GetValue<string>();
        var verified = await client.PostAsJsonAsync("/api/v1/auth/mfa/verify", new { mfa_token = mfaToken, code = CodeFor(user.Secret) });
        Assert.That((int)verified.StatusCode, Is.EqualTo(200), await verified.Content.ReadAsStringAsync());
        Assert.That(await Database.CountAsync("audit_log", "action = 'users.mfa_secrets_reseal'"), Is.EqualTo(2));
    }

    [Test]
    public async Task One_mfa_token_allows_five_tries_however_they_are_spread_or_raced()
    {
        var user = await EnrolAsync();
        var sequential = await SignInForMfaTokenAsync(user.Email);
        for (var i = 0; i < 5; i++)
        {
            await AssertProblemAsync(await PostAsync("/api/v1/auth/mfa/verify", new { mfa_token = sequential, code = WrongCodeFor(user.Secret) }), 401, "auth.mfa_code_invalid");
            clock.Advance(TimeSpan.FromSeconds(30)); // past each back-off block, so only the token's own limit is tested
        }

        await AssertProblemAsync(await PostAsync("/api/v1/auth/mfa/verify", new { mfa_token = sequential, code = CodeFor(user.Secret) }), 401, "auth.mfa_token_invalid");

        // A parallel burst on one token: five tries are claimed, whatever the back-off would have let through.
        clock.Advance(TimeSpan.FromMinutes(16)); // past the longest block
        var raced = await SignInForMfaTokenAsync(user.Email);
        var answers = await Task.WhenAll(Enumerable.Range(0, 12).Select(_ => PostAsync("/api/v1/auth/mfa/verify", new { mfa_token = raced, recovery_code = "aaaa-aaaa-aaaa-aaaa" })));
        var texts = await Task.WhenAll(answers.Select(a => a.Content.ReadAsStringAsync()));
        Assert.That(texts.Count(t => t.Contains("auth.mfa_code_invalid", StringComparison.Ordinal)), Is.LessThanOrEqualTo(5), string.Join("\n", texts));
        Assert.That(await Database.CountAsync("audit_log", "changes->>'reason' = 'wrong_recovery_code'"), Is.LessThanOrEqualTo(5));
    }
}
