using NUnit.Framework;
using Platform.Application.Common.Errors;
using Platform.Application.Identity.Commands.IssueToken;
using Platform.Application.Identity.Commands.RefreshToken;
using Platform.Application.Identity.Commands.MarkEmailVerified;
using Platform.Application.Identity.Commands.RegisterUser;
using Platform.Application.Identity.Commands.SetUserRoles;
using Platform.Application.Identity.Queries.GetCurrentUser;
using Platform.Domain.Identity;
using Platform.Testing;

namespace Platform.Application.Tests.Identity;

public sealed class AccountTests : ApplicationTestBase
{
    private const string Password = "correct horse battery";

    [Test]
    public async Task Registering_trims_the_email_and_makes_a_customer_whose_password_is_only_stored_hashed()
    {
        var user = await App.SendAsync(new RegisterUserCommand("  Ada@Example.com ", Password, "Ada"));

        await using var command = Database.DataSource.CreateCommand($"SELECT password_hash FROM users WHERE id = '{user.Id}'");
        var hash = (string)(await command.ExecuteScalarAsync())!;
        Assert.Multiple(() =>
        {
            Assert.That(user.Email, Is.EqualTo("Ada@Example.com"));
            Assert.That(user.Roles, Is.EqualTo(new[] { Role.Customer }));
            Assert.That(hash, Does.Not.Contain(Password));
            Assert.That(hash, Has.Length.GreaterThan(40));
        });
    }

    [Test]
    public async Task An_email_is_taken_whatever_its_case()
    {
        await App.SendAsync(new RegisterUserCommand("ada@example.com", Password, "Ada"));

        var error = Assert.ThrowsAsync<ConflictException>(() => App.SendAsync(new RegisterUserCommand("ADA@example.COM", Password, "Ada 2")));

        Assert.That(error!.Code, Is.EqualTo("auth.email_taken"));
    }

    [Test]
    public async Task Concurrent_registrations_of_one_email_create_one_account()
    {
        var attempts = await Task.WhenAll(Enumerable.Range(0, 6).Select(async i =>
        {
            try
            {
                // Differently cased spellings of one address: one account, whichever spelling wins.
                await App.SendAsync(new RegisterUserCommand(i % 2 == 0 ? "race@example.com" : "RACE@Example.com", Password, "Racer"), ip: $"198.51.100.{i}");
                return "created";
            }
            catch (ConflictException ex)
            {
                return ex.Code;
            }
        }));

        Assert.Multiple(async () =>
        {
            Assert.That(attempts.Count(a => a == "created"), Is.EqualTo(1));
            Assert.That(attempts.Where(a => a != "created"), Is.All.EqualTo("auth.email_taken"));
            Assert.That(await Database.CountAsync("users"), Is.EqualTo(1));
        });
    }

    [TestCase("short", "password")]
    [TestCase("not-an-email", "email")]
    [TestCase("", "display_name")]
    public void Invalid_registrations_name_the_field(string value, string field)
    {
        var command = field switch
        {
            "password" => new RegisterUserCommand("a@example.com", value, "A"),
            "email" => new RegisterUserCommand(value, Password, "A"),
            _ => new RegisterUserCommand("a@example.com", Password, value),
        };

        var error = Assert.ThrowsAsync<RequestValidationException>(() => App.SendAsync(command));

        Assert.That(error!.Errors.Keys, Is.EquivalentTo(new[] { field }));
    }

    [Test]
    public async Task A_bootstrap_admin_email_gets_the_admin_role_only_once_it_is_verified()
    {
        var registered = await App.SendAsync(new RegisterUserCommand("Root@Example.com", Password, "Root"));
        var other = await App.SendAsync(new RegisterUserCommand("other@example.com", Password, "Other"));
        var verified = await App.SendAsync(new MarkEmailVerifiedCommand("root@example.com"));
        var otherVerified = await App.SendAsync(new MarkEmailVerifiedCommand("other@example.com"));

        Assert.Multiple(() =>
        {
            Assert.That(registered.Roles, Is.EqualTo(new[] { Role.Customer }), "registering the address grants nothing");
            Assert.That(registered.EmailVerified, Is.False);
            Assert.That(verified.Roles, Is.EqualTo(new[] { Role.Admin, Role.Customer }));
            Assert.That(verified.EmailVerified, Is.True);
            Assert.That(otherVerified.Roles, Is.EqualTo(new[] { Role.Customer }));
            Assert.That(other.Id, Is.EqualTo(otherVerified.Id));
        });
        Assert.That(await App.Database.CountAsync("audit_log", "action = 'users.bootstrap_admin_granted'"), Is.EqualTo(1));
    }

    [Test]
    public async Task Signing_in_starts_a_session_and_issues_a_bearer_token_pair()
    {
        var user = await App.SendAsync(new RegisterUserCommand("ada@example.com", Password, "Ada"));

        var tokens = await App.SendAsync(new IssueTokenCommand("ADA@example.com", Password));

        await using var command = Database.DataSource.CreateCommand($"SELECT t.token_hash FROM refresh_tokens t JOIN user_sessions s ON s.id = t.session_id WHERE s.id = '{tokens.SessionId}' AND s.user_id = '{user.Id}'");
        var storedHash = (string?)await command.ExecuteScalarAsync();
        Assert.Multiple(() =>
        {
            Assert.That(tokens.TokenType, Is.EqualTo("Bearer"));
            Assert.That(tokens.ExpiresIn, Is.EqualTo(300));
            Assert.That(tokens.AccessToken.Split('.'), Has.Length.EqualTo(3));
            Assert.That(tokens.RefreshToken, Has.Length.EqualTo(43), "256 random bits, base64url");
            Assert.That(storedHash, Is.Not.Null.And.Not.EqualTo(tokens.RefreshToken), "only a hash of the refresh token is stored");
        });
    }

    [Test]
    public async Task A_wrong_password_and_an_unknown_email_fail_the_same_way()
    {
        await App.SendAsync(new RegisterUserCommand("ada@example.com", Password, "Ada"));

        var wrong = Assert.ThrowsAsync<UnauthorizedException>(() => App.SendAsync(new IssueTokenCommand("ada@example.com", "not the password")));
        var unknown = Assert.ThrowsAsync<UnauthorizedException>(() => App.SendAsync(new IssueTokenCommand("nobody@example.com", Password)));

        Assert.Multiple(() =>
        {
            Assert.That(wrong!.Code, Is.EqualTo("auth.invalid_credentials"));
            Assert.That(unknown!.Code, Is.EqualTo(wrong.Code));
            Assert.That(unknown.Message, Is.EqualTo(wrong.Message));
        });
    }

    [Test]
    public async Task Refreshing_rotates_the_token_and_replaying_an_old_one_ends_the_whole_session()
    {
        await App.SendAsync(new RegisterUserCommand("ada@example.com", Password, "Ada"));
        var first = await App.SendAsync(new IssueTokenCommand("ada@example.com", Password));

        var second = (await App.SendAsync(new RefreshTokenCommand(first.RefreshToken!))).Tokens!;
        var third = (await App.SendAsync(new RefreshTokenCommand(second.RefreshToken!))).Tokens!;
        var replay = await App.SendAsync(new RefreshTokenCommand(first.RefreshToken!));
        var newest = Assert.ThrowsAsync<UnauthorizedException>(() => App.SendAsync(new RefreshTokenCommand(third.RefreshToken!)));

        Assert.Multiple(() =>
        {
            Assert.That(new[] { first.RefreshToken, second.RefreshToken, third.RefreshToken }, Is.Unique);
            Assert.That(third.SessionId, Is.EqualTo(first.SessionId));
            Assert.That(replay.Tokens, Is.Null);
            Assert.That(replay.Failure!.Code, Is.EqualTo("auth.refresh_token_reused"));
            Assert.That(newest!.Code, Is.EqualTo("auth.session_revoked"));
        });
    }

    [Test]
    public async Task A_session_past_its_idle_lifetime_cannot_be_refreshed()
    {
        await App.SendAsync(new RegisterUserCommand("ada@example.com", Password, "Ada"));
        var tokens = await App.SendAsync(new IssueTokenCommand("ada@example.com", Password));

        App.Clock.Advance(TimeSpan.FromDays(15));

        var error = Assert.ThrowsAsync<UnauthorizedException>(() => App.SendAsync(new RefreshTokenCommand(tokens.RefreshToken!)));
        Assert.That(error!.Code, Is.EqualTo("auth.invalid_refresh_token"));
    }

    [Test]
    public async Task Admins_set_roles_and_others_are_forbidden()
    {
        var customer = await CustomerAsync();
        var admin = await AdminAsync();

        var forbidden = Assert.ThrowsAsync<ForbiddenException>(() => App.SendAsync(new SetUserRolesCommand(customer.Id, [Role.Agent]), customer));
        var unknownRole = Assert.ThrowsAsync<RequestValidationException>(() => App.SendAsync(new SetUserRolesCommand(customer.Id, ["wizard"]), admin));
        var unknownUser = Assert.ThrowsAsync<NotFoundException>(() => App.SendAsync(new SetUserRolesCommand(Guid.NewGuid(), [Role.Agent]), admin));
        var updated = await App.SendAsync(new SetUserRolesCommand(customer.Id, [Role.Agent, Role.Agent]), admin);
        var me = await App.SendAsync(new GetCurrentUserQuery(), customer with { Roles = updated.Roles });

        Assert.Multiple(async () =>
        {
            Assert.That(forbidden!.Code, Is.EqualTo("auth.forbidden"));
            Assert.That(unknownRole!.Errors.Keys, Does.Contain("roles[0]"));
            Assert.That(unknownUser!.Code, Is.EqualTo("users.not_found"));
            Assert.That(updated.Roles, Is.EqualTo(new[] { Role.Agent }));
            Assert.That(me.Roles, Is.EqualTo(new[] { Role.Agent }));
            Assert.That(await Database.CountAsync("audit_log", $"action = 'users.set_roles' AND resource_id = '{customer.Id}' AND actor_id = '{admin.Id}'"), Is.EqualTo(1));
        });
    }
}
