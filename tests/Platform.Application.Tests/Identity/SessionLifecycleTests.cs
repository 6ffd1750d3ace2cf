using NUnit.Framework;
using Platform.Application.Common.Errors;
using Platform.Application.Identity;
using Platform.Application.Identity.Commands.ChangePassword;
using Platform.Application.Identity.Commands.DisableUser;
using Platform.Application.Identity.Commands.EnableUser;
using Platform.Application.Identity.Commands.IssueToken;
using Platform.Application.Identity.Commands.Logout;
using Platform.Application.Identity.Commands.RefreshToken;
using Platform.Application.Identity.Commands.RevokeOtherSessions;
using Platform.Application.Identity.Commands.RevokeSession;
using Platform.Application.Identity.Commands.RevokeUserSessions;
using Platform.Application.Identity.Commands.SetUserRoles;
using Platform.Application.Identity.Queries.ListUsers;
using Platform.Domain.Identity;
using Platform.Testing;

namespace Platform.Application.Tests.Identity;

/// <summary>
/// A session from sign-in to its end: rotation and reuse detection, idle and absolute expiry, what the session list
/// shows, and every way a user or an admin ends sessions.
/// </summary>
public sealed class SessionLifecycleTests : ApplicationTestBase
{
    private const string FirefoxOnLinux = "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0";
    private const string SafariOnIphone =
        "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1";
    private const string ChromeOnWindows =
        "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36";

    [SetUp]
    public void FreezeTime() => App.Clock.Freeze();

    [Test]
    public async Task Replaying_an_old_refresh_token_ends_that_session_so_even_its_newest_token_is_refused()
    {
        var user = await CustomerAsync();
        var first = await App.SignInAsync(user);
        var otherDevice = await App.SignInAsync(user);
        var second = await App.RefreshAsync(first.RefreshToken!);
        var third = await App.RefreshAsync(second.RefreshToken!);

        var replay = await App.SendAsync(new RefreshTokenCommand(first.RefreshToken!));
        var newest = await App.RefreshErrorAsync(third.RefreshToken!);

        var session = first.SessionId;
        Assert.Multiple(async () =>
        {
            Assert.That(new[] { first.RefreshToken, second.RefreshToken, third.RefreshToken }, Is.Unique);
            Assert.That(new[] { second.SessionId, third.SessionId }, Is.All.EqualTo(session), "rotation keeps the session");
            Assert.That(replay.Tokens, Is.Null);
            Assert.That(replay.Failure?.Code, Is.EqualTo("auth.refresh_token_reused"));
            Assert.That(newest, Is.EqualTo("auth.session_revoked"), "the thief's (or the owner's) newest token dies with the session");
            Assert.That(await Database.ScalarAsync<string>("SELECT revoke_reason FROM user_sessions WHERE id = $1", session), Is.EqualTo("refresh_token_reused"));
            Assert.That(
                await Database.CountAsync("audit_log", $"action = 'sessions.refresh_reuse_detected' AND resource_type = 'session' AND resource_id = '{session}' AND outcome = 'failed' AND actor_id = '{user.Id}'"),
                Is.EqualTo(1));
            Assert.That(App.RefusesAccessTokensOf(session), Is.True, "the session's access tokens are refused at once");
            Assert.That((await App.ListSessionsAsync(user, otherDevice.SessionId)).Select(s => s.Id), Is.EqualTo(new[] { otherDevice.SessionId }));
            Assert.That(await App.RefreshErrorAsync(otherDevice.RefreshToken!), Is.Null, "the user's other devices are not affected");
        });
    }

    [Test]
    public async Task Without_an_overlap_window_presenting_a_token_a_second_time_at_once_is_reuse()
    {
        var user = await CustomerAsync();
        var first = await App.SignInAsync(user);
        var second = await App.RefreshAsync(first.RefreshToken!);

        var again = await App.RefreshErrorAsync(first.RefreshToken!);

        Assert.Multiple(async () =>
        {
            Assert.That(again, Is.EqualTo("auth.refresh_token_reused"));
            Assert.That(await App.RefreshErrorAsync(second.RefreshToken!), Is.EqualTo("auth.session_revoked"));
        });
    }

    [Test]
    public async Task A_session_not_used_for_its_idle_lifetime_ends_while_one_used_in_time_goes_on()
    {
        var user = await CustomerAsync();
        var unused = await App.SignInAsync(user);
        var used = await App.SignInAsync(user);

        App.Clock.Advance(TimeSpan.FromDays(14) - TimeSpan.FromSeconds(1));
        var renewed = await App.RefreshAsync(used.RefreshToken!);
        App.Clock.Advance(TimeSpan.FromSeconds(1));

        Assert.Multiple(async () =>
        {
            Assert.That(await App.RefreshErrorAsync(unused.RefreshToken!), Is.EqualTo("auth.invalid_refresh_token"), "14 days without use");
            Assert.That((await App.ListSessionsAsync(user)).Select(s => s.Id), Is.EqualTo(new[] { used.SessionId }), "an expired session is not listed");
            Assert.That(await App.RefreshErrorAsync(renewed.RefreshToken!), Is.Null);
        });
    }

    [Test]
    public async Task Refreshing_every_ten_days_keeps_a_session_alive_but_never_past_ninety_days()
    {
        var user = await CustomerAsync();
        var tokens = await App.SignInAsync(user);
        var listed = (await App.ListSessionsAsync(user)).Single();
        var created = listed.CreatedAt;
        Assert.That(listed.ExpiresAt, Is.EqualTo(created.AddDays(14)), "a new session expires after the idle lifetime");

        for (var day = 10; day <= 80; day += 10)
        {
            App.Clock.Advance(TimeSpan.FromDays(10));
            tokens = await App.RefreshAsync(tokens.RefreshToken!);
            listed = (await App.ListSessionsAsync(user)).Single();
            var expected = day + 14 < 90 ? created.AddDays(day + 14) : created.AddDays(90);
            Assert.Multiple(() =>
            {
                Assert.That(listed.ExpiresAt, Is.EqualTo(expected), $"expiry after the refresh on day {day}");
                Assert.That(listed.LastUsedAt, Is.EqualTo(created.AddDays(day)), $"last use on day {day}");
            });
        }

        App.Clock.Advance(TimeSpan.FromDays(9));
        tokens = await App.RefreshAsync(tokens.RefreshToken!);
        var onDay89 = (await App.ListSessionsAsync(user)).Single();
        App.Clock.Advance(TimeSpan.FromDays(1));

        Assert.Multiple(async () =>
        {
            Assert.That(onDay89.ExpiresAt, Is.EqualTo(created.AddDays(90)), "use never moves the end past the absolute lifetime");
            Assert.That(await App.RefreshErrorAsync(tokens.RefreshToken!), Is.EqualTo("auth.invalid_refresh_token"), "day 90");
            Assert.That(await App.ListSessionsAsync(user), Is.Empty);
        });
    }

    [Test]
    public async Task The_session_list_shows_the_callers_live_sessions_newest_first_and_marks_the_current_one()
    {
        var user = await CustomerAsync();
        var stranger = await CustomerAsync();
        var expired = await App.SignInAsync(user);
        App.Clock.Advance(TimeSpan.FromDays(10));
        var older = await App.SignInAsync(user, "Old phone");
        App.Clock.Tick();
        var revoked = await App.SignInAsync(user, "Lost tablet");
        App.Clock.Tick();
        var current = await App.SignInAsync(user, "Laptop");
        await App.SignInAsync(stranger);
        var me = user with { SessionId = current.SessionId };
        await App.SendAsync(new RevokeSessionCommand(revoked.SessionId), me);
        App.Clock.Advance(TimeSpan.FromDays(5));

        var sessions = await App.ListSessionsAsync(me);

        Assert.Multiple(() =>
        {
            Assert.That(sessions.Select(s => s.Id), Is.EqualTo(new[] { current.SessionId, older.SessionId }), $"not the expired {expired.SessionId} nor the revoked {revoked.SessionId}");
            Assert.That(sessions.Select(s => s.IsCurrent), Is.EqualTo(new[] { true, false }));
            Assert.That(sessions.Select(s => s.DeviceName), Is.EqualTo(new[] { "Laptop", "Old phone" }));
        });
    }

    [TestCase("  Work laptop  ", FirefoxOnLinux, "Work laptop")]
    [TestCase(null, FirefoxOnLinux, "Firefox on Linux")]
    [TestCase("   ", SafariOnIphone, "Safari on iOS")]
    [TestCase(null, ChromeOnWindows, "Chrome on Windows")]
    [TestCase(null, "curl/8.5.0", "curl")]
    [TestCase(null, null, "Unknown device")]
    public async Task A_session_is_named_by_the_client_or_after_its_user_agent_and_keeps_the_agent_and_address(string? deviceName, string? userAgent, string expectedName)
    {
        var user = await CustomerAsync();

        var tokens = await App.SignInAsync(user, deviceName, userAgent, ip: "198.51.100.23");

        var listed = (await App.ListSessionsAsync(user)).Single();
        Assert.Multiple(async () =>
        {
            Assert.That(listed.Id, Is.EqualTo(tokens.SessionId));
            Assert.That(listed.DeviceName, Is.EqualTo(expectedName));
            Assert.That(listed.UserAgent, Is.EqualTo(userAgent));
            Assert.That(listed.Ip, Is.EqualTo("198.51.100.23"));
            Assert.That(await Database.ScalarAsync<string>("SELECT device_name FROM user_sessions WHERE id = $1", tokens.SessionId), Is.EqualTo(expectedName));
            Assert.That(await Database.ScalarAsync<string>("SELECT ip FROM user_sessions WHERE id = $1", tokens.SessionId), Is.EqualTo("198.51.100.23"));
            Assert.That(
                await Database.CountAsync("audit_log", $"action = 'auth.login_succeeded' AND resource_id = '{tokens.SessionId}' AND changes->>'device_name' = '{expectedName}'"),
                Is.EqualTo(1));
        });
    }

    [Test]
    public async Task Logging_out_and_revoking_one_session_end_only_that_session()
    {
        var user = await CustomerAsync();
        var stranger = await CustomerAsync();
        var laptop = await App.SignInAsync(user);
        var phone = await App.SignInAsync(user);
        var strangers = await App.SignInAsync(stranger);
        var onLaptop = user with { SessionId = laptop.SessionId };

        var revokedPhone = await App.SendAsync(new RevokeSessionCommand(phone.SessionId), onLaptop);
        var revokedPhoneAgain = await App.SendAsync(new RevokeSessionCommand(phone.SessionId), onLaptop);
        var notMine = Assert.ThrowsAsync<NotFoundException>(() => App.SendAsync(new RevokeSessionCommand(strangers.SessionId), onLaptop));
        var unknown = Assert.ThrowsAsync<NotFoundException>(() => App.SendAsync(new RevokeSessionCommand(Guid.CreateVersion7()), onLaptop));
        var phoneAfterRevoke = await App.RefreshErrorAsync(phone.RefreshToken!);
        var laptopAfterRevoke = await App.RefreshAsync(laptop.RefreshToken!);
        var loggedOut = await App.SendAsync(new LogoutCommand(onLaptop.SessionId), onLaptop);
        var loggedOutAgain = await App.SendAsync(new LogoutCommand(onLaptop.SessionId), onLaptop);

        Assert.Multiple(async () =>
        {
            Assert.That(revokedPhone.RevokedSessions, Is.EqualTo(1));
            Assert.That(revokedPhoneAgain.RevokedSessions, Is.Zero);
            Assert.That(notMine!.Code, Is.EqualTo("sessions.not_found"), "another user's session looks like no session");
            Assert.That(unknown!.Code, Is.EqualTo("sessions.not_found"));
            Assert.That(phoneAfterRevoke, Is.EqualTo("auth.session_revoked"));
            Assert.That(App.RefusesAccessTokensOf(phone.SessionId), Is.True);
            Assert.That(loggedOut.RevokedSessions, Is.EqualTo(1));
            Assert.That(loggedOutAgain.RevokedSessions, Is.Zero);
            Assert.That(await App.RefreshErrorAsync(laptopAfterRevoke.RefreshToken!), Is.EqualTo("auth.session_revoked"));
            Assert.That(App.RefusesAccessTokensOf(laptop.SessionId), Is.True);
            Assert.That(await Database.ScalarAsync<string>("SELECT revoke_reason FROM user_sessions WHERE id = $1", laptop.SessionId), Is.EqualTo("logout"));
            Assert.That(await App.RefreshErrorAsync(strangers.RefreshToken!), Is.Null, "the other user's session survives");
            Assert.That(App.RefusesAccessTokensOf(strangers.SessionId), Is.False);
        });
    }

    [Test]
    public async Task Signing_out_everywhere_else_keeps_exactly_the_callers_session()
    {
        var user = await CustomerAsync();
        var stranger = await CustomerAsync();
        var laptop = await App.SignInAsync(user);
        var phone = await App.SignInAsync(user);
        var tablet = await App.SignInAsync(user);
        var strangers = await App.SignInAsync(stranger);
        var onPhone = user with { SessionId = phone.SessionId };

        var result = await App.SendAsync(new RevokeOtherSessionsCommand(onPhone.SessionId), onPhone);
        var again = await App.SendAsync(new RevokeOtherSessionsCommand(onPhone.SessionId), onPhone);

        Assert.Multiple(async () =>
        {
            Assert.That(result.RevokedSessions, Is.EqualTo(2));
            Assert.That(again.RevokedSessions, Is.Zero);
            var listed = await App.ListSessionsAsync(onPhone);
            Assert.That(listed.Select(s => (s.Id, s.IsCurrent)), Is.EqualTo(new[] { (phone.SessionId, true) }));
            Assert.That(await App.RefreshErrorAsync(laptop.RefreshToken!), Is.EqualTo("auth.session_revoked"));
            Assert.That(await App.RefreshErrorAsync(tablet.RefreshToken!), Is.EqualTo("auth.session_revoked"));
            Assert.That(App.RefusesAccessTokensOf(laptop.SessionId) && App.RefusesAccessTokensOf(tablet.SessionId), Is.True);
            Assert.That(App.RefusesAccessTokensOf(phone.SessionId), Is.False);
            Assert.That(await App.RefreshErrorAsync(phone.RefreshToken!), Is.Null);
            Assert.That(await App.RefreshErrorAsync(strangers.RefreshToken!), Is.Null, "another user's session is not touched");
            Assert.That(await Database.CountAsync("user_sessions", $"user_id = '{user.Id}' AND revoke_reason = 'signed_out_elsewhere'"), Is.EqualTo(2));
        });
    }

    [Test]
    public async Task Revoking_counts_only_sessions_that_were_still_live()
    {
        var user = await CustomerAsync();
        var expiredTablet = await App.SignInAsync(user);
        await App.SignInAsync(user, "Expired desktop");
        App.Clock.Advance(TimeSpan.FromDays(15));
        var laptop = await App.SignInAsync(user);
        var phone = await App.SignInAsync(user);
        var onLaptop = user with { SessionId = laptop.SessionId };
        var othersListed = (await App.ListSessionsAsync(onLaptop)).Count(s => !s.IsCurrent);

        var revokeExpired = await App.SendAsync(new RevokeSessionCommand(expiredTablet.SessionId), onLaptop);
        var others = await App.SendAsync(new RevokeOtherSessionsCommand(onLaptop.SessionId), onLaptop);

        // The user saw one other session and signs it out: the answer must say one, as RevocationResultDto
        // promises ("0 when they had already ended"); a session that expired had already ended.
        Assert.Multiple(() =>
        {
            Assert.That(othersListed, Is.EqualTo(1));
            Assert.That(revokeExpired.RevokedSessions, Is.Zero, "the expired session had already ended");
            Assert.That(others.RevokedSessions, Is.EqualTo(othersListed), $"only {phone.SessionId} was still live");
        });
    }

    [Test]
    public async Task Changing_the_password_signs_out_every_other_session_and_keeps_this_one()
    {
        const string NewPassword = "a brand new passphrase";
        var user = await CustomerAsync();
        var laptop = await App.SignInAsync(user);
        var phone = await App.SignInAsync(user);
        var onLaptop = user with { SessionId = laptop.SessionId };

        var result = await App.SendAsync(new ChangePasswordCommand(SessionTestSupport.Password, NewPassword), onLaptop);

        var oldPassword = Assert.ThrowsAsync<UnauthorizedException>(() => App.SendAsync(new IssueTokenCommand(user.Email, SessionTestSupport.Password)));
        var newPassword = await App.SendAsync(new IssueTokenCommand(user.Email, NewPassword));
        Assert.Multiple(async () =>
        {
            Assert.That(result.RevokedSessions, Is.EqualTo(1));
            Assert.That(await App.RefreshErrorAsync(phone.RefreshToken!), Is.EqualTo("auth.session_revoked"));
            Assert.That(App.RefusesAccessTokensOf(phone.SessionId), Is.True);
            Assert.That(await Database.ScalarAsync<string>("SELECT revoke_reason FROM user_sessions WHERE id = $1", phone.SessionId), Is.EqualTo("password_changed"));
            Assert.That(await App.RefreshErrorAsync(laptop.RefreshToken!), Is.Null, "the device that changed the password stays signed in");
            Assert.That(App.RefusesAccessTokensOf(laptop.SessionId), Is.False);
            Assert.That(oldPassword!.Code, Is.EqualTo("auth.invalid_credentials"));
            Assert.That(newPassword.SessionId, Is.Not.EqualTo(Guid.Empty));
            var audit = await Database.ScalarAsync<string>("SELECT changes::text FROM audit_log WHERE action = 'users.change_password' AND actor_id = $1", user.Id);
            Assert.That(audit, Is.Not.Null.And.Not.Contain(NewPassword).And.Not.Contain(SessionTestSupport.Password), "passwords are never audited");
        });
    }

    [Test]
    public async Task A_wrong_current_password_changes_nothing()
    {
        var user = await CustomerAsync();
        var laptop = await App.SignInAsync(user);
        var phone = await App.SignInAsync(user);
        var hashBefore = await Database.ScalarAsync<string>("SELECT password_hash FROM users WHERE id = $1", user.Id);

        var error = Assert.ThrowsAsync<RequestValidationException>(
            () => App.SendAsync(new ChangePasswordCommand("not my password", "a brand new passphrase"), user with { SessionId = laptop.SessionId }));

        Assert.Multiple(async () =>
        {
            Assert.That(error!.Code, Is.EqualTo("validation.failed"));
            Assert.That(error.Errors.Keys, Is.EqualTo(new[] { "current_password" }));
            Assert.That(await Database.ScalarAsync<string>("SELECT password_hash FROM users WHERE id = $1", user.Id), Is.EqualTo(hashBefore));
            Assert.That(await Database.CountAsync("user_sessions", $"user_id = '{user.Id}' AND revoked_at IS NOT NULL"), Is.Zero);
            Assert.That(await App.RefreshErrorAsync(phone.RefreshToken!), Is.Null);
            Assert.That(await App.RefreshErrorAsync(laptop.RefreshToken!), Is.Null);
            Assert.That(await App.SendAsync(new IssueTokenCommand(user.Email, SessionTestSupport.Password)), Is.Not.Null, "the old password still works");
            Assert.That(await Database.CountAsync("audit_log", "action = 'users.change_password'"), Is.Zero);
        });
    }

    [Test]
    public async Task A_disabled_account_loses_every_session_and_cannot_sign_in_until_enabled_again()
    {
        var admin = await AdminAsync();
        var user = await App.CreateUserAsync("Ada.Lovelace@example.com");
        var laptop = await App.SignInAsync(user);
        var phone = await App.SignInAsync(user);

        var disabled = await App.SendAsync(new DisableUserCommand(user.Id), admin);

        var rightPassword = Assert.ThrowsAsync<ForbiddenException>(() => App.SignInAsync(user));
        var wrongPassword = Assert.ThrowsAsync<UnauthorizedException>(() => App.SendAsync(new IssueTokenCommand(user.Email, "not the password")));
        var listed = (await App.SendAsync(new ListUsersQuery(), admin)).Items;
        Assert.Multiple(async () =>
        {
            Assert.That(disabled.DisabledAt, Is.Not.Null);
            Assert.That(listed.Single(u => u.Id == user.Id).DisabledAt, Is.EqualTo(disabled.DisabledAt), "admins see the account marked disabled");
            Assert.That(await App.RefreshErrorAsync(laptop.RefreshToken!), Is.EqualTo("auth.session_revoked"));
            Assert.That(await App.RefreshErrorAsync(phone.RefreshToken!), Is.EqualTo("auth.session_revoked"));
            Assert.That(App.RefusesAccessTokensOf(laptop.SessionId) && App.RefusesAccessTokensOf(phone.SessionId), Is.True);
            Assert.That(await Database.CountAsync("user_sessions", $"user_id = '{user.Id}' AND revoke_reason = 'account_disabled'"), Is.EqualTo(2));
            Assert.That(rightPassword!.Code, Is.EqualTo("auth.account_disabled"));
            Assert.That(wrongPassword!.Code, Is.EqualTo("auth.invalid_credentials"), "a wrong password does not learn that the account is disabled");
            Assert.That(await Database.CountAsync("audit_log", $"action = 'users.disable' AND resource_id = '{user.Id}' AND actor_id = '{admin.Id}'"), Is.EqualTo(1));
        });

        var enabled = await App.SendAsync(new EnableUserCommand(user.Id), admin);
        var again = await App.SignInAsync(user);

        Assert.Multiple(async () =>
        {
            Assert.That(enabled.DisabledAt, Is.Null);
            Assert.That(await App.RefreshErrorAsync(again.RefreshToken!), Is.Null, "signing in works again");
            Assert.That(await App.RefreshErrorAsync(phone.RefreshToken!), Is.EqualTo("auth.session_revoked"), "old sessions stay ended");
        });
    }

    [Test]
    public async Task Admins_find_accounts_by_any_part_of_the_email_whatever_its_case()
    {
        var admin = await AdminAsync();
        var ada = await App.CreateUserAsync("Ada.Lovelace@example.com");
        await App.CreateUserAsync("grace.hopper@example.com");
        await App.SendAsync(new DisableUserCommand(ada.Id), admin);

        var searches = new[] { "lovelace", "LOVELACE", "a.Lovelace@Ex" };
        var results = new List<IReadOnlyList<UserDto>>();
        foreach (var search in searches)
        {
            results.Add((await App.SendAsync(new ListUsersQuery(search), admin)).Items);
        }

        Assert.Multiple(() =>
        {
            for (var i = 0; i < searches.Length; i++)
            {
                Assert.That(results[i].Select(u => u.Id), Is.EqualTo(new[] { ada.Id }), $"search \"{searches[i]}\"");
                Assert.That(results[i].Select(u => u.DisabledAt), Is.All.Not.Null, "the account shows as disabled");
            }
        });
    }

    [Test]
    public async Task Nobody_disables_themselves_or_the_last_enabled_admin()
    {
        var admin = await AdminAsync();
        var formerAdmin = await AdminAsync();
        var customer = await CustomerAsync();
        var session = await App.SignInAsync(admin);
        await App.SendAsync(new DisableUserCommand(formerAdmin.Id), admin);

        // An operator whose access token still carries the admin role (as one does for minutes after a role change).
        var operatorWithStaleToken = new TestUser(Guid.CreateVersion7(), "operator@example.com", [Role.Admin]);
        var lastAdmin = Assert.ThrowsAsync<ConflictException>(() => App.SendAsync(new DisableUserCommand(admin.Id), operatorWithStaleToken));
        var self = Assert.ThrowsAsync<ConflictException>(() => App.SendAsync(new DisableUserCommand(admin.Id), admin with { SessionId = session.SessionId }));
        var notAdmin = Assert.ThrowsAsync<ForbiddenException>(() => App.SendAsync(new DisableUserCommand(admin.Id), customer));
        var unknown = Assert.ThrowsAsync<NotFoundException>(() => App.SendAsync(new DisableUserCommand(Guid.CreateVersion7()), admin));

        Assert.Multiple(async () =>
        {
            Assert.That(lastAdmin!.Code, Is.EqualTo("users.last_admin"), "the other admin is disabled, so this is the last enabled one");
            Assert.That(self!.Code, Is.EqualTo("users.cannot_disable_self"));
            Assert.That(notAdmin!.Code, Is.EqualTo("auth.forbidden"));
            Assert.That(unknown!.Code, Is.EqualTo("users.not_found"));
            Assert.That(await Database.CountAsync("users", $"id = '{admin.Id}' AND disabled_at IS NULL"), Is.EqualTo(1));
            Assert.That(await App.RefreshErrorAsync(session.RefreshToken!), Is.Null, "the admin's session survives the refused attempts");
        });

        // With a second enabled admin, the first may be disabled.
        await App.SendAsync(new SetUserRolesCommand(customer.Id, [Role.Admin]), admin);
        var disabled = await App.SendAsync(new DisableUserCommand(admin.Id), customer with { Roles = [Role.Admin] });
        Assert.That(disabled.DisabledAt, Is.Not.Null);
    }

    [Test]
    public async Task An_admin_signs_a_user_out_everywhere_without_disabling_the_account()
    {
        var admin = await AdminAsync();
        var user = await CustomerAsync();
        var laptop = await App.SignInAsync(user);
        var phone = await App.SignInAsync(user);
        var adminsOwn = await App.SignInAsync(admin);

        var result = await App.SendAsync(new RevokeUserSessionsCommand(user.Id), admin);
        var unknown = Assert.ThrowsAsync<NotFoundException>(() => App.SendAsync(new RevokeUserSessionsCommand(Guid.CreateVersion7()), admin));
        var notAdmin = Assert.ThrowsAsync<ForbiddenException>(() => App.SendAsync(new RevokeUserSessionsCommand(admin.Id), user));

        Assert.Multiple(async () =>
        {
            Assert.That(result.RevokedSessions, Is.EqualTo(2));
            Assert.That(await App.RefreshErrorAsync(laptop.RefreshToken!), Is.EqualTo("auth.session_revoked"));
            Assert.That(await App.RefreshErrorAsync(phone.RefreshToken!), Is.EqualTo("auth.session_revoked"));
            Assert.That(await Database.CountAsync("user_sessions", $"user_id = '{user.Id}' AND revoke_reason = 'revoked_by_admin'"), Is.EqualTo(2));
            Assert.That(unknown!.Code, Is.EqualTo("users.not_found"));
            Assert.That(notAdmin!.Code, Is.EqualTo("auth.forbidden"));
            Assert.That(await App.RefreshErrorAsync(adminsOwn.RefreshToken!), Is.Null);
            Assert.That(await App.SignInAsync(user), Is.Not.Null, "the account itself still signs in");
        });
    }
}
