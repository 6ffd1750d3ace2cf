using System.Text.Json.Nodes;
using NUnit.Framework;

namespace Platform.Api.Tests;

/// <summary>A user's own sessions: listing them, signing one or all others out, and logging out.</summary>
public sealed class SessionApiTests : SessionApiTestBase
{
    private const string FirefoxOnLinux = "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0";
    private const string ChromeOnWindows = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36";
    private const string Curl = "curl/8.5.0";

    private static readonly string[] SessionProperties =
        ["id", "device_name", "user_agent", "ip", "created_at", "last_used_at", "expires_at", "is_current"];

    [Test]
    public async Task Sessions_lists_each_sign_in_newest_first_with_its_device_name_ip_and_only_the_callers_marked_current()
    {
        var email = NewEmail("devices");
        await RegisterAsync(email);
        var firefox = await SignInAsync(email, userAgent: FirefoxOnLinux, clientIp: "203.0.113.10");
        var laptop = await SignInAsync(email, userAgent: ChromeOnWindows, deviceName: "Work laptop", clientIp: "203.0.113.11");
        var curl = await SignInAsync(email, userAgent: Curl, clientIp: "2001:db8::7");

        var page = await SessionsAsync(laptop.AccessToken);
        var text = page.ToJsonString();
        var items = ItemsOf(page);

        Assert.Multiple(() =>
        {
            Assert.That(page["total"]?.GetValue<int>(), Is.EqualTo(3), text);
            Assert.That(items.Select(IdOf), Is.EqualTo(new[] { curl.SessionId, laptop.SessionId, firefox.SessionId }), "newest first: " + text);
            Assert.That(items.Select(i => StringOf(i, "device_name")), Is.EqualTo(new[] { "curl", "Work laptop", "Firefox on Linux" }), text);
            Assert.That(items.Select(i => StringOf(i, "ip")), Is.EqualTo(new[] { "2001:db8::7", "203.0.113.11", "203.0.113.10" }), text);
            Assert.That(items.Select(i => StringOf(i, "user_agent")), Is.EqualTo(new[] { Curl, ChromeOnWindows, FirefoxOnLinux }), text);
            Assert.That(items.Select(i => i!["is_current"]!.GetValue<bool>()), Is.EqualTo(new[] { false, true, false }), text);
        });
        foreach (var item in items)
        {
            Assert.That(item!.AsObject().Select(p => p.Key), Is.EquivalentTo(SessionProperties), "exactly these properties, never a token or hash: " + text);
        }

        Assert.Multiple(() =>
        {
            foreach (var secret in new[] { firefox, laptop, curl }.SelectMany(s => new[] { s.AccessToken, s.RefreshToken }))
            {
                Assert.That(text, Does.Not.Contain(secret));
            }

            Assert.That(text, Does.Not.Contain("hash").IgnoreCase);
            Assert.That(text, Does.Not.Contain("token").IgnoreCase);
        });
    }

    [Test]
    public async Task A_session_expires_after_the_idle_lifetime_of_14_days_and_was_last_used_when_it_signed_in()
    {
        var email = NewEmail("expiry");
        await RegisterAsync(email);
        var before = DateTimeOffset.UtcNow;
        var session = await SignInAsync(email);

        var item = ItemsOf(await SessionsAsync(session.AccessToken)).Single()!;
        var createdAt = item["created_at"]!.GetValue<DateTimeOffset>();

        Assert.Multiple(() =>
        {
            Assert.That(createdAt, Is.EqualTo(before).Within(TimeSpan.FromMinutes(1)));
            Assert.That(item["last_used_at"]!.GetValue<DateTimeOffset>(), Is.EqualTo(createdAt));
            Assert.That(item["expires_at"]!.GetValue<DateTimeOffset>(), Is.EqualTo(createdAt + TimeSpan.FromDays(14)));
            Assert.That(StringOf(item, "device_name"), Is.EqualTo("Unknown device"), "no User-Agent and no device_name");
        });
    }

    [Test]
    public async Task Sessions_leaves_out_revoked_sessions_and_other_users_sessions()
    {
        var email = NewEmail("mine");
        var otherEmail = NewEmail("theirs");
        await RegisterAsync(email);
        await RegisterAsync(otherEmail);
        var kept = await SignInAsync(email, deviceName: "Kept");
        var loggedOut = await SignInAsync(email, deviceName: "Logged out");
        var theirs = await SignInAsync(otherEmail, deviceName: "Theirs");
        Assert.That(await RevokedCountOfAsync(await PostAsync(loggedOut.AccessToken, "/api/v1/auth/logout")), Is.EqualTo(1));

        var mine = await SessionsAsync(kept.AccessToken);
        var their = await SessionsAsync(theirs.AccessToken);

        Assert.Multiple(() =>
        {
            Assert.That(ItemsOf(mine).Select(IdOf), Is.EqualTo(new[] { kept.SessionId }), mine.ToJsonString());
            Assert.That(mine["total"]?.GetValue<int>(), Is.EqualTo(1));
            Assert.That(ItemsOf(their).Select(IdOf), Is.EqualTo(new[] { theirs.SessionId }), their.ToJsonString());
        });
    }

    [Test]
    public async Task Revoking_one_session_refuses_its_access_and_refresh_tokens_and_leaves_the_callers_session_working()
    {
        var email = NewEmail("revoke-one");
        var userId = await RegisterAsync(email);
        var phone = await SignInAsync(email, deviceName: "Phone");
        var laptop = await SignInAsync(email, deviceName: "Laptop");

        var revoked = await RevokedCountOfAsync(await PostAsync(laptop.AccessToken, $"/api/v1/auth/sessions/{phone.SessionId}/revoke"));

        Assert.That(revoked, Is.EqualTo(1));
        await AssertSessionRevokedAsync(phone.AccessToken);
        await AssertProblemAsync(await RefreshAsync(phone.RefreshToken), 401, "auth.session_revoked");
        await AssertSignedInAsync(laptop.AccessToken, "The caller's own session is not touched.");
        Assert.That(ItemsOf(await SessionsAsync(laptop.AccessToken)).Select(IdOf), Is.EqualTo(new[] { laptop.SessionId }));

        var again = await RevokedCountOfAsync(await PostAsync(laptop.AccessToken, $"/api/v1/auth/sessions/{phone.SessionId}/revoke"));
        Assert.That(again, Is.Zero, "A session that has already ended is not counted again.");

        var audit = await AuditRowsAsync("sessions.revoke");
        Assert.That(audit, Is.Not.Empty);
        Assert.Multiple(() =>
        {
            Assert.That(audit[0].ResourceType, Is.EqualTo("session"));
            Assert.That(audit[0].ResourceId, Is.EqualTo(phone.SessionId));
            Assert.That(audit[0].ActorId, Is.EqualTo(userId));
            Assert.That(audit[0].Outcome, Is.EqualTo("succeeded"));
        });
    }

    [Test]
    public async Task Revoking_another_users_session_is_404_sessions_not_found_and_that_session_keeps_working()
    {
        var email = NewEmail("attacker");
        var victimEmail = NewEmail("victim");
        await RegisterAsync(email);
        await RegisterAsync(victimEmail);
        var attacker = await SignInAsync(email);
        var victim = await SignInAsync(victimEmail);

        var response = await PostAsync(attacker.AccessToken, $"/api/v1/auth/sessions/{victim.SessionId}/revoke");

        await AssertProblemAsync(response, 404, "sessions.not_found");
        await AssertSignedInAsync(victim.AccessToken, "Another user's session must survive the attempt.");
        await PairOfAsync(await RefreshAsync(victim.RefreshToken));
        Assert.That(await AuditRowsAsync("sessions.revoke"), Is.Empty);
    }

    [Test]
    public async Task Revoking_an_unknown_session_id_is_404_sessions_not_found()
    {
        var email = NewEmail("unknown");
        await RegisterAsync(email);
        var session = await SignInAsync(email);

        var response = await PostAsync(session.AccessToken, $"/api/v1/auth/sessions/{Guid.CreateVersion7()}/revoke");

        await AssertProblemAsync(response, 404, "sessions.not_found");
        await AssertSignedInAsync(session.AccessToken, "A failed revoke leaves the caller signed in.");
    }

    [Test]
    public async Task Revoke_with_an_Idempotency_Key_replays_the_first_count_without_revoking_anything_new()
    {
        var email = NewEmail("revoke-replay");
        await RegisterAsync(email);
        var phone = await SignInAsync(email, deviceName: "Phone");
        var laptop = await SignInAsync(email, deviceName: "Laptop");
        var url = $"/api/v1/auth/sessions/{phone.SessionId}/revoke";

        var first = await PostAsync(laptop.AccessToken, url, "revoke-phone-1");
        var firstText = await first.Content.ReadAsStringAsync();
        var replay = await PostAsync(laptop.AccessToken, url, "revoke-phone-1");
        var replayText = await replay.Content.ReadAsStringAsync();

        Assert.Multiple(() =>
        {
            Assert.That((int)first.StatusCode, Is.EqualTo(200), firstText);
            Assert.That(JsonNode.Parse(firstText)!["revoked_sessions"]?.GetValue<int>(), Is.EqualTo(1), firstText);
            Assert.That(first.Headers.Contains("Idempotent-Replayed"), Is.False);
            Assert.That((int)replay.StatusCode, Is.EqualTo(200), replayText);
            Assert.That(Header(replay, "Idempotent-Replayed"), Is.EqualTo("true"));
            Assert.That(replayText, Is.EqualTo(firstText), "the stored answer (1), not a fresh run's 0");
        });
        Assert.That(await AuditRowsAsync("sessions.revoke"), Has.Count.EqualTo(1), "One key, one side effect.");
    }

    [Test]
    public async Task Revoke_others_keeps_exactly_the_callers_session_and_signs_every_other_one_out()
    {
        var email = NewEmail("revoke-others");
        var userId = await RegisterAsync(email);
        var others = new List<SignIn>();
        for (var i = 0; i < 3; i++)
        {
            others.Add(await SignInAsync(email, deviceName: $"Old device {i}"));
        }

        var caller = await SignInAsync(email, deviceName: "This one");
        var bystanderEmail = NewEmail("bystander");
        await RegisterAsync(bystanderEmail);
        var someoneElse = await SignInAsync(bystanderEmail);

        var revoked = await RevokedCountOfAsync(await PostAsync(caller.AccessToken, "/api/v1/auth/sessions/revoke-others"));

        Assert.That(revoked, Is.EqualTo(3));
        var page = await SessionsAsync(caller.AccessToken);
        var items = ItemsOf(page);
        Assert.Multiple(() =>
        {
            Assert.That(items.Select(IdOf), Is.EqualTo(new[] { caller.SessionId }), page.ToJsonString());
            Assert.That(items.Select(i => i!["is_current"]!.GetValue<bool>()), Is.EqualTo(new[] { true }));
        });
        foreach (var other in others)
        {
            await AssertSessionRevokedAsync(other.AccessToken);
            await AssertProblemAsync(await RefreshAsync(other.RefreshToken), 401, "auth.session_revoked");
        }

        await AssertSignedInAsync(caller.AccessToken, "The caller stays signed in.");
        await PairOfAsync(await RefreshAsync(caller.RefreshToken));
        await AssertSignedInAsync(someoneElse.AccessToken, "Other users' sessions are not affected.");

        var audit = await AuditRowsAsync("sessions.revoke_others");
        Assert.That(audit, Has.Count.EqualTo(1));
        Assert.Multiple(() =>
        {
            Assert.That(audit[0].ActorId, Is.EqualTo(userId));
            Assert.That(audit[0].Outcome, Is.EqualTo("succeeded"));
        });
    }

    [Test]
    public async Task Revoke_others_replayed_with_the_same_Idempotency_Key_does_not_sign_out_a_session_started_since()
    {
        var email = NewEmail("others-replay");
        await RegisterAsync(email);
        var old = await SignInAsync(email, deviceName: "Old");
        var caller = await SignInAsync(email, deviceName: "Caller");

        var first = await PostAsync(caller.AccessToken, "/api/v1/auth/sessions/revoke-others", "sign-out-elsewhere");
        var firstText = await first.Content.ReadAsStringAsync();
        var newer = await SignInAsync(email, deviceName: "Signed in after");
        var replay = await PostAsync(caller.AccessToken, "/api/v1/auth/sessions/revoke-others", "sign-out-elsewhere");
        var replayText = await replay.Content.ReadAsStringAsync();

        Assert.Multiple(() =>
        {
            Assert.That((int)first.StatusCode, Is.EqualTo(200), firstText);
            Assert.That(JsonNode.Parse(firstText)!["revoked_sessions"]?.GetValue<int>(), Is.EqualTo(1), firstText);
            Assert.That((int)replay.StatusCode, Is.EqualTo(200), replayText);
            Assert.That(Header(replay, "Idempotent-Replayed"), Is.EqualTo("true"));
            Assert.That(replayText, Is.EqualTo(firstText));
        });
        await AssertSessionRevokedAsync(old.AccessToken);
        await AssertSignedInAsync(newer.AccessToken, "A replay must not run the revoke again.");
        await AssertSignedInAsync(caller.AccessToken, "The caller stays signed in.");
    }

    [Test]
    public async Task Logout_signs_out_only_the_callers_session_and_both_its_tokens_are_refused_afterwards()
    {
        var email = NewEmail("logout");
        var userId = await RegisterAsync(email);
        var leaving = await SignInAsync(email, deviceName: "Leaving");
        var staying = await SignInAsync(email, deviceName: "Staying");

        var revoked = await RevokedCountOfAsync(await PostAsync(leaving.AccessToken, "/api/v1/auth/logout"));

        Assert.That(revoked, Is.EqualTo(1));
        await AssertSessionRevokedAsync(leaving.AccessToken);
        await AssertProblemAsync(await RefreshAsync(leaving.RefreshToken), 401, "auth.session_revoked");
        await AssertProblemAsync(await PostAsync(leaving.AccessToken, "/api/v1/auth/logout"), 401, "auth.session_revoked");
        await AssertSignedInAsync(staying.AccessToken, "Logging out one device leaves the others signed in.");
        Assert.That(ItemsOf(await SessionsAsync(staying.AccessToken)).Select(IdOf), Is.EqualTo(new[] { staying.SessionId }));

        var audit = await AuditRowsAsync("sessions.logout");
        Assert.That(audit, Has.Count.EqualTo(1));
        Assert.Multiple(() =>
        {
            Assert.That(audit[0].ActorId, Is.EqualTo(userId));
            Assert.That(audit[0].Outcome, Is.EqualTo("succeeded"));
        });
    }
}
