using System.Globalization;
using System.Text.Json.Nodes;
using NUnit.Framework;

namespace Platform.Api.Tests;

/// <summary>Admin user management: searching accounts, disabling and enabling them, and signing a user out everywhere.</summary>
public sealed class AdminUserApiTests : SessionApiTestBase
{
    private static readonly string[] UserProperties = ["id", "email", "email_verified", "display_name", "roles", "created_at", "disabled_at"];

    private async Task<JsonObject> UsersAsync(string adminToken, string query)
    {
        using var admin = Client(adminToken);
        var response = await admin.GetAsync("/api/v1/admin/users" + query);
        var text = await response.Content.ReadAsStringAsync();
        Assert.That((int)response.StatusCode, Is.EqualTo(200), text);
        return JsonNode.Parse(text)!.AsObject();
    }

    private static IEnumerable<string?> EmailsOf(JsonObject page) => ItemsOf(page).Select(i => StringOf(i, "email"));

    /// <summary>Digits only, so a search for it is the same in any letter case.</summary>
    private static string Marker() => Random.Shared.Next(100_000, 1_000_000).ToString(CultureInfo.InvariantCulture);

    [Test]
    public async Task Users_search_matches_any_part_of_the_email_ignoring_case()
    {
        await RegisterAsync("Alice.Smith@Example.com");
        await RegisterAsync("alice.jones@corp.example.org");
        await RegisterAsync("bob@example.com");
        var (_, adminToken) = await AdminAsync();

        var upper = await UsersAsync(adminToken, "?email=ALICE");
        var mixed = await UsersAsync(adminToken, "?email=smith@EXAMPLE");
        var lower = await UsersAsync(adminToken, "?email=alice");

        Assert.Multiple(() =>
        {
            Assert.That(EmailsOf(upper), Is.EquivalentTo(new[] { "Alice.Smith@Example.com", "alice.jones@corp.example.org" }), upper.ToJsonString());
            Assert.That(upper["total"]?.GetValue<int>(), Is.EqualTo(2), upper.ToJsonString());
            Assert.That(EmailsOf(mixed), Is.EqualTo(new[] { "Alice.Smith@Example.com" }), mixed.ToJsonString());
            Assert.That(EmailsOf(lower), Is.EquivalentTo(new[] { "Alice.Smith@Example.com", "alice.jones@corp.example.org" }), lower.ToJsonString());
        });
    }

    [Test]
    public async Task Users_search_treats_percent_and_underscore_as_literal_characters()
    {
        var marker = Marker();
        await RegisterAsync($"u{marker}1_2@example.com");
        await RegisterAsync($"u{marker}1x2@example.com");
        await RegisterAsync($"u{marker}1%2@example.com");
        var (_, adminToken) = await AdminAsync();

        var underscore = await UsersAsync(adminToken, $"?email={marker}1_2");
        var percent = await UsersAsync(adminToken, $"?email={Uri.EscapeDataString(marker + "1%2")}");
        var onlyPercent = await UsersAsync(adminToken, "?email=%25");
        var onlyUnderscore = await UsersAsync(adminToken, "?email=_");

        Assert.Multiple(() =>
        {
            Assert.That(EmailsOf(underscore), Is.EqualTo(new[] { $"u{marker}1_2@example.com" }), underscore.ToJsonString());
            Assert.That(EmailsOf(percent), Is.EqualTo(new[] { $"u{marker}1%2@example.com" }), percent.ToJsonString());
            Assert.That(EmailsOf(onlyPercent), Is.EqualTo(new[] { $"u{marker}1%2@example.com" }), onlyPercent.ToJsonString());
            Assert.That(EmailsOf(onlyUnderscore), Is.EqualTo(new[] { $"u{marker}1_2@example.com" }), onlyUnderscore.ToJsonString());
        });
    }

    [Test]
    public async Task Users_pages_newest_first_with_total_and_pages_and_each_item_has_exactly_the_user_properties()
    {
        var marker = Marker();
        var ids = new List<Guid>();
        for (var i = 0; i < 5; i++)
        {
            ids.Add(await RegisterAsync($"page-{marker}-{i}@example.com"));
        }

        var (_, adminToken) = await AdminAsync();
        var newestFirst = Enumerable.Reverse(ids).ToList();

        var first = await UsersAsync(adminToken, $"?email=-{marker}-&page=1&page_size=2");
        var second = await UsersAsync(adminToken, $"?email=-{marker}-&page=2&page_size=2");
        var last = await UsersAsync(adminToken, $"?email=-{marker}-&page=3&page_size=2");
        var past = await UsersAsync(adminToken, $"?email=-{marker}-&page=4&page_size=2");

        Assert.Multiple(() =>
        {
            Assert.That(first["total"]?.GetValue<int>(), Is.EqualTo(5), first.ToJsonString());
            Assert.That(first["pages"]?.GetValue<int>(), Is.EqualTo(3), first.ToJsonString());
            Assert.That(ItemsOf(first).Select(IdOf), Is.EqualTo(newestFirst.Take(2)), first.ToJsonString());
            Assert.That(ItemsOf(second).Select(IdOf), Is.EqualTo(newestFirst.Skip(2).Take(2)), second.ToJsonString());
            Assert.That(ItemsOf(last).Select(IdOf), Is.EqualTo(newestFirst.Skip(4)), last.ToJsonString());
            Assert.That(ItemsOf(past), Is.Empty, past.ToJsonString());
            Assert.That(past["total"]?.GetValue<int>(), Is.EqualTo(5), past.ToJsonString());
        });
        foreach (var item in ItemsOf(first))
        {
            Assert.That(item!.AsObject().Select(p => p.Key), Is.EquivalentTo(UserProperties), item.ToJsonString());
        }
    }

    [Test]
    public async Task Users_follows_next_cursor_through_every_match_once()
    {
        var marker = Marker();
        var ids = new List<Guid>();
        for (var i = 0; i < 5; i++)
        {
            ids.Add(await RegisterAsync($"cursor-{marker}-{i}@example.com"));
        }

        var (_, adminToken) = await AdminAsync();
        var seen = new List<Guid>();
        string? query = $"?email=-{marker}-&page_size=2";
        for (var pages = 0; query is not null && pages < 10; pages++)
        {
            var page = await UsersAsync(adminToken, query);
            seen.AddRange(ItemsOf(page).Select(IdOf));
            var cursor = StringOf(page, "next_cursor");
            query = cursor is null ? null : $"?email=-{marker}-&page_size=2&cursor={Uri.EscapeDataString(cursor)}";
        }

        Assert.That(seen, Is.EqualTo(Enumerable.Reverse(ids)));
    }

    [Test]
    public async Task Users_and_every_user_action_are_403_auth_forbidden_for_customers_and_agents()
    {
        var targetEmail = NewEmail("target");
        var targetId = await RegisterAsync(targetEmail);
        var target = await SignInAsync(targetEmail);
        var (_, customerToken) = await SignUpAsync();
        var (_, agentToken) = await SignUpAsync(role: "agent");

        foreach (var token in new[] { customerToken, agentToken })
        {
            using var client = Client(token);
            await AssertProblemAsync(await client.GetAsync("/api/v1/admin/users"), 403, "auth.forbidden");
            await AssertProblemAsync(await PostAsync(token, $"/api/v1/admin/users/{targetId}/disable"), 403, "auth.forbidden");
            await AssertProblemAsync(await PostAsync(token, $"/api/v1/admin/users/{targetId}/enable"), 403, "auth.forbidden");
            await AssertProblemAsync(await PostAsync(token, $"/api/v1/admin/users/{targetId}/sessions/revoke-all"), 403, "auth.forbidden");
        }

        await AssertSignedInAsync(target.AccessToken, "Refused admin actions change nothing.");
        await SignInAsync(targetEmail);
    }

    [Test]
    public async Task Disable_signs_the_user_out_at_once_and_refuses_sign_in_with_the_right_password_but_not_with_a_wrong_one()
    {
        var email = NewEmail("disabled");
        var userId = await RegisterAsync(email);
        var phone = await SignInAsync(email);
        var laptop = await SignInAsync(email);
        var (adminId, adminToken) = await AdminAsync();

        var response = await PostAsync(adminToken, $"/api/v1/admin/users/{userId}/disable");
        var body = await JsonAsync(response);

        Assert.Multiple(() =>
        {
            Assert.That((int)response.StatusCode, Is.EqualTo(200), body.ToJsonString());
            Assert.That(body.Select(p => p.Key), Is.EquivalentTo(UserProperties), body.ToJsonString());
            Assert.That(IdOf(body), Is.EqualTo(userId));
            Assert.That(body["disabled_at"]?.GetValue<DateTimeOffset>(), Is.EqualTo(DateTimeOffset.UtcNow).Within(TimeSpan.FromMinutes(1)), body.ToJsonString());
        });
        foreach (var session in new[] { phone, laptop })
        {
            await AssertSessionRevokedAsync(session.AccessToken);
            await AssertProblemAsync(await RefreshAsync(session.RefreshToken), 401, "auth.session_revoked");
        }

        await AssertProblemAsync(await TrySignInAsync(email), 403, "auth.account_disabled");
        await AssertProblemAsync(await TrySignInAsync(email, "a wrong password 123"), 401, "auth.invalid_credentials");
        var listed = ItemsOf(await UsersAsync(adminToken, "")).Single(u => IdOf(u) == userId);
        Assert.That(listed!["disabled_at"]?.GetValue<DateTimeOffset>(), Is.Not.Null, "The admin list shows the account as disabled.");

        var audit = await AuditRowsAsync("users.disable");
        Assert.That(audit, Has.Count.EqualTo(1));
        Assert.Multiple(() =>
        {
            Assert.That(audit[0].ResourceType, Is.EqualTo("user"));
            Assert.That(audit[0].ResourceId, Is.EqualTo(userId));
            Assert.That(audit[0].ActorId, Is.EqualTo(adminId));
            Assert.That(audit[0].Outcome, Is.EqualTo("succeeded"));
        });
        var refused = await AuditRowsAsync("auth.login_failed");
        Assert.That(refused.Select(r => r.Changes), Has.Some.Contains("account_disabled"));
    }

    [Test]
    public async Task Enable_lets_the_user_sign_in_again_while_the_sessions_ended_by_disabling_stay_ended()
    {
        var email = NewEmail("re-enabled");
        var userId = await RegisterAsync(email);
        var before = await SignInAsync(email);
        var (adminId, adminToken) = await AdminAsync();
        Assert.That((int)(await PostAsync(adminToken, $"/api/v1/admin/users/{userId}/disable")).StatusCode, Is.EqualTo(200));

        var response = await PostAsync(adminToken, $"/api/v1/admin/users/{userId}/enable");
        var body = await JsonAsync(response);

        Assert.Multiple(() =>
        {
            Assert.That((int)response.StatusCode, Is.EqualTo(200), body.ToJsonString());
            Assert.That(IdOf(body), Is.EqualTo(userId));
            Assert.That(body.ContainsKey("disabled_at"), Is.True, body.ToJsonString());
            Assert.That(body["disabled_at"], Is.Null, body.ToJsonString());
        });
        var after = await SignInAsync(email);
        await AssertSignedInAsync(after.AccessToken, "A re-enabled user signs in normally.");
        await AssertSessionRevokedAsync(before.AccessToken);
        await AssertProblemAsync(await RefreshAsync(before.RefreshToken), 401, "auth.session_revoked");

        var audit = await AuditRowsAsync("users.enable");
        Assert.That(audit, Has.Count.EqualTo(1));
        Assert.Multiple(() =>
        {
            Assert.That(audit[0].ResourceId, Is.EqualTo(userId));
            Assert.That(audit[0].ActorId, Is.EqualTo(adminId));
        });
    }

    [Test]
    public async Task Disabling_yourself_is_409_users_cannot_disable_self_and_you_stay_signed_in()
    {
        var (adminId, adminToken) = await AdminAsync();

        var response = await PostAsync(adminToken, $"/api/v1/admin/users/{adminId}/disable");

        await AssertProblemAsync(response, 409, "users.cannot_disable_self");
        await AssertSignedInAsync(adminToken, "A refused self-disable must not sign the admin out.");
        await SignInAsync("root@example.com");
        Assert.That(await AuditRowsAsync("users.disable"), Is.Empty);
    }

    [Test]
    public async Task Another_admin_can_disable_an_admin_while_one_enabled_admin_remains()
    {
        var secondEmail = NewEmail("second-admin");
        var (secondId, _) = await SignUpAsync(secondEmail, role: "admin");
        var (_, rootToken) = await AdminAsync();
        var second = await SignInAsync(secondEmail);

        var response = await PostAsync(rootToken, $"/api/v1/admin/users/{secondId}/disable");

        Assert.That((int)response.StatusCode, Is.EqualTo(200), await response.Content.ReadAsStringAsync());
        await AssertSessionRevokedAsync(second.AccessToken);
    }

    [TestCase("disable")]
    [TestCase("enable")]
    [TestCase("sessions/revoke-all")]
    public async Task An_action_on_an_unknown_user_is_404_users_not_found(string action)
    {
        var (_, adminToken) = await AdminAsync();

        var response = await PostAsync(adminToken, $"/api/v1/admin/users/{Guid.CreateVersion7()}/{action}");

        await AssertProblemAsync(response, 404, "users.not_found");
    }

    [Test]
    public async Task Revoke_all_signs_the_user_out_everywhere_returns_the_count_and_the_user_can_sign_in_again()
    {
        var email = NewEmail("revoke-all");
        var userId = await RegisterAsync(email);
        var sessions = new[] { await SignInAsync(email), await SignInAsync(email) };
        var loggedOut = await SignInAsync(email);
        Assert.That(await RevokedCountOfAsync(await PostAsync(loggedOut.AccessToken, "/api/v1/auth/logout")), Is.EqualTo(1));
        var bystanderEmail = NewEmail("bystander");
        await RegisterAsync(bystanderEmail);
        var bystander = await SignInAsync(bystanderEmail);
        var (adminId, adminToken) = await AdminAsync();

        var revoked = await RevokedCountOfAsync(await PostAsync(adminToken, $"/api/v1/admin/users/{userId}/sessions/revoke-all"));

        Assert.That(revoked, Is.EqualTo(2), "Only live sessions are counted.");
        foreach (var session in sessions)
        {
            await AssertSessionRevokedAsync(session.AccessToken);
            await AssertProblemAsync(await RefreshAsync(session.RefreshToken), 401, "auth.session_revoked");
        }

        await AssertSignedInAsync(bystander.AccessToken, "Other users are not signed out.");
        await AssertSignedInAsync(adminToken, "The admin is not signed out.");
        var fresh = await SignInAsync(email);
        await AssertSignedInAsync(fresh.AccessToken, "Revoking sessions does not disable the account.");
        Assert.That(await RevokedCountOfAsync(await PostAsync(adminToken, $"/api/v1/admin/users/{userId}/sessions/revoke-all")), Is.EqualTo(1));

        var audit = await AuditRowsAsync("users.revoke_sessions");
        Assert.That(audit, Has.Count.EqualTo(2));
        Assert.Multiple(() =>
        {
            Assert.That(audit[0].ResourceType, Is.EqualTo("user"));
            Assert.That(audit[0].ResourceId, Is.EqualTo(userId));
            Assert.That(audit[0].ActorId, Is.EqualTo(adminId));
            Assert.That(audit[0].Outcome, Is.EqualTo("succeeded"));
        });
    }

    [Test]
    public async Task Disable_replayed_with_the_same_Idempotency_Key_returns_the_stored_user_and_writes_one_audit_row()
    {
        var email = NewEmail("disable-replay");
        var userId = await RegisterAsync(email);
        var (_, adminToken) = await AdminAsync();
        var url = $"/api/v1/admin/users/{userId}/disable";

        var first = await PostAsync(adminToken, url, "disable-once");
        var firstText = await first.Content.ReadAsStringAsync();
        var replay = await PostAsync(adminToken, url, "disable-once");
        var replayText = await replay.Content.ReadAsStringAsync();

        Assert.Multiple(() =>
        {
            Assert.That((int)first.StatusCode, Is.EqualTo(200), firstText);
            Assert.That((int)replay.StatusCode, Is.EqualTo(200), replayText);
            Assert.That(Header(replay, "Idempotent-Replayed"), Is.EqualTo("true"));
            Assert.That(replayText, Is.EqualTo(firstText));
        });
        Assert.That(await AuditRowsAsync("users.disable"), Has.Count.EqualTo(1));
    }
}
