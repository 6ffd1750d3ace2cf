using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using NUnit.Framework;
using Platform.Testing;
using Platform.Api.Tests.Infrastructure;

namespace Platform.Api.Tests;

public sealed class AuthApiTests : ApiTestBase
{
    [Test]
    public async Task Register_returns_201_with_the_user_and_never_the_password()
    {
        using var client = Client();
        var response = await client.PostAsJsonAsync("/api/v1/auth/register", new { email = "  Ada@Example.com ", password = Password, display_name = "Ada" });
        var text = await response.Content.ReadAsStringAsync();
        var body = JsonNode.Parse(text)!.AsObject();
        Assert.Multiple(() =>
        {
            Assert.That((int)response.StatusCode, Is.EqualTo(201), text);
            Assert.That(response.Headers.Location?.ToString(), Is.EqualTo("/api/v1/me"));
            Assert.That(body.Select(p => p.Key), Is.EquivalentTo(new[] { "id", "email", "email_verified", "display_name", "roles", "created_at", "disabled_at" }), text);
            Assert.That(body["id"]!.GetValue<Guid>(), Is.Not.EqualTo(Guid.Empty));
            Assert.That(StringOf(body, "email"), Is.EqualTo("Ada@Example.com"));
            Assert.That(StringOf(body, "display_name"), Is.EqualTo("Ada"));
            Assert.That(body["roles"]!.AsArray().Select(r => r!.GetValue<string>()), Is.EqualTo(new[] { "customer" }));
            Assert.That(text, Does.Not.Contain("password").IgnoreCase);
            Assert.That(text, Does.Not.Contain("hash").IgnoreCase);
            Assert.That(text, Does.Not.Contain(Password));
        });
    }

    [Test]
    public async Task Register_with_an_email_that_differs_only_in_case_and_spaces_is_409_email_taken()
    {
        using var client = Client();
        var first = await client.PostAsJsonAsync("/api/v1/auth/register", new { email = "alice@example.com", password = Password, display_name = "Alice" });
        Assert.That((int)first.StatusCode, Is.EqualTo(201));

        var second = await client.PostAsJsonAsync("/api/v1/auth/register", new { email = "  ALICE@example.COM  ", password = Password, display_name = "Alice 2" });

        await AssertProblemAsync(second, 409, "auth.email_taken");
        Assert.That(await Database.CountAsync("users"), Is.EqualTo(1));
    }

    [Test]
    public async Task Register_with_a_short_password_is_400_with_errors_for_password()
    {
        using var client = Client();
        var response = await client.PostAsJsonAsync("/api/v1/auth/register", new { email = "bob@example.com", password = "short", display_name = "Bob" });

        var problem = await AssertProblemAsync(response, 400, "validation.failed");
        Assert.Multiple(() =>
        {
            Assert.That(problem["errors"]!.AsObject().Select(p => p.Key), Is.EqualTo(new[] { "password" }));
            Assert.That(problem["errors"]!["password"]!.AsArray(), Is.Not.Empty);
        });
    }

    [Test]
    public async Task Register_with_a_malformed_email_is_400_with_errors_for_email()
    {
        using var client = Client();
        var response = await client.PostAsJsonAsync("/api/v1/auth/register", new { email = "not-an-email", password = Password, display_name = "Bob" });

        var problem = await AssertProblemAsync(response, 400, "validation.failed");
        Assert.That(problem["errors"]!.AsObject().Select(p => p.Key), Is.EqualTo(new[] { "email" }));
    }

    [Test]
    public async Task The_bootstrap_admin_email_registers_as_a_customer_and_becomes_admin_once_verified()
    {
        using var client = Client();
        var response = await client.PostAsJsonAsync("/api/v1/auth/register", new { email = "Root@Example.com", password = Password, display_name = "Root" });
        var body = await JsonAsync(response);
        await Factory.VerifyEmailAsync("root@example.com");
        using var root = Client(await TokenAsync("root@example.com"));
        var me = await JsonAsync(await root.GetAsync("/api/v1/me"));

        Assert.That((int)response.StatusCode, Is.EqualTo(201));
        Assert.That(body["roles"]!.AsArray().Select(r => r!.GetValue<string>()), Is.EqualTo(new[] { "customer" }));
        Assert.That(me["roles"]!.AsArray().Select(r => r!.GetValue<string>()), Is.EqualTo(new[] { "admin", "customer" }));
    }

    [Test]
    public async Task Token_returns_a_bearer_token_pair_that_expires_in_300_seconds()
    {
        var email = $"token-{Guid.NewGuid():N}@example.com";
        var (id, _) = await SignUpAsync(email);
        using var client = Client();

        var response = await client.PostAsJsonAsync("/api/v1/auth/token", new { email, password = Password });
        var body = await JsonAsync(response);

        Assert.Multiple(() =>
        {
            Assert.That((int)response.StatusCode, Is.EqualTo(200));
            Assert.That(StringOf(body, "token_type"), Is.EqualTo("Bearer"));
            Assert.That(body["expires_in"]?.GetValue<int>(), Is.EqualTo(300));
            Assert.That(StringOf(body, "access_token"), Is.Not.Null.And.Not.Empty);
            Assert.That(StringOf(body, "refresh_token"), Is.Not.Null.And.Not.Empty);
            Assert.That(body["session_id"]?.GetValue<Guid>(), Is.Not.Null.And.Not.EqualTo(Guid.Empty));
            Assert.That(TokenPayload(StringOf(body, "access_token")!)["sub"]?.GetValue<string>(), Is.EqualTo(id.ToString()));
        });
    }

    [Test]
    public async Task Token_with_a_wrong_password_or_an_unknown_email_is_the_same_401_invalid_credentials()
    {
        var email = $"known-{Guid.NewGuid():N}@example.com";
        await SignUpAsync(email);
        using var client = Client();

        var wrongPassword = await client.PostAsJsonAsync("/api/v1/auth/token", new { email, password = "wrong password 123" });
        var unknownEmail = await client.PostAsJsonAsync("/api/v1/auth/token", new { email = "nobody@example.com", password = Password });

        var first = await AssertProblemAsync(wrongPassword, 401, "auth.invalid_credentials");
        var second = await AssertProblemAsync(unknownEmail, 401, "auth.invalid_credentials");
        Assert.That(StringOf(second, "detail"), Is.EqualTo(StringOf(first, "detail")), "The two failures must not reveal which emails exist.");
    }

    [Test]
    public async Task Refresh_rotates_and_a_replayed_old_token_signs_the_whole_session_out()
    {
        var email = $"refresh-{Guid.NewGuid():N}@example.com";
        var (id, _) = await SignUpAsync(email);
        using var client = Client();
        var issued = await JsonAsync(await client.PostAsJsonAsync("/api/v1/auth/token", new { email, password = Password }));
        var oldRefresh = StringOf(issued, "refresh_token")!;

        var refreshed = await client.PostAsJsonAsync("/api/v1/auth/refresh", new { refresh_token = oldRefresh });
        var pair = await JsonAsync(refreshed);
        Assert.Multiple(() =>
        {
            Assert.That((int)refreshed.StatusCode, Is.EqualTo(200), pair.ToJsonString());
            Assert.That(StringOf(pair, "refresh_token"), Is.Not.EqualTo(oldRefresh));
            Assert.That(StringOf(pair, "session_id"), Is.EqualTo(StringOf(issued, "session_id")));
        });

        using var authed = Client(StringOf(pair, "access_token"));
        var me = await authed.GetAsync("/api/v1/me");
        var meBody = await JsonAsync(me);
        Assert.Multiple(() =>
        {
            Assert.That((int)me.StatusCode, Is.EqualTo(200));
            Assert.That(IdOf(meBody), Is.EqualTo(id));
        });

        var replayOld = await client.PostAsJsonAsync("/api/v1/auth/refresh", new { refresh_token = oldRefresh });
        await AssertProblemAsync(replayOld, 401, "auth.refresh_token_reused");

        var useNew = await client.PostAsJsonAsync("/api/v1/auth/refresh", new { refresh_token = StringOf(pair, "refresh_token") });
        await AssertProblemAsync(useNew, 401, "auth.session_revoked");
        await AssertProblemAsync(await authed.GetAsync("/api/v1/me"), 401, "auth.session_revoked");
    }

    [Test]
    public async Task Me_with_a_token_returns_the_signed_in_user()
    {
        var email = $"me-{Guid.NewGuid():N}@example.com";
        var (id, token) = await SignUpAsync(email);
        using var client = Client(token);

        var response = await client.GetAsync("/api/v1/me");
        var body = await JsonAsync(response);

        Assert.Multiple(() =>
        {
            Assert.That((int)response.StatusCode, Is.EqualTo(200));
            Assert.That(IdOf(body), Is.EqualTo(id));
            Assert.That(StringOf(body, "email"), Is.EqualTo(email));
            Assert.That(body["roles"]!.AsArray().Select(r => r!.GetValue<string>()), Is.EqualTo(new[] { "customer" }));
        });
    }

    [TestCase("missing")]
    [TestCase("garbage")]
    [TestCase("signed-with-another-key")]
    [TestCase("hs256-with-the-server-secret")]
    [TestCase("expired")]
    public async Task Me_without_a_valid_token_is_401_unauthorized_with_WWW_Authenticate_Bearer(string kind)
    {
        var (adminId, _) = await AdminAsync();
        using var other = System.Security.Cryptography.ECDsa.Create(System.Security.Cryptography.ECCurve.NamedCurves.nistP256);
        var token = kind switch
        {
            "missing" => null,
            "garbage" => "not.a.jwt",
            "signed-with-another-key" => CraftToken(other.ExportPkcs8PrivateKeyPem(), adminId, DateTimeOffset.UtcNow.AddMinutes(5), "admin"),
            "hs256-with-the-server-secret" => CraftHmacToken(Convert.FromBase64String(TestKeys.SecretKey), adminId, DateTimeOffset.UtcNow.AddMinutes(5), "admin"),
            "expired" => CraftToken(TestKeys.PrimaryPem, adminId, DateTimeOffset.UtcNow.AddMinutes(-10), "admin"),
            _ => throw new ArgumentOutOfRangeException(nameof(kind)),
        };
        using var client = Client(token);

        var response = await client.GetAsync("/api/v1/me");

        await AssertProblemAsync(response, 401, "auth.unauthorized");
        Assert.That(response.Headers.WwwAuthenticate.Select(h => h.Scheme), Is.EqualTo(new[] { "Bearer" }));
    }

    [Test]
    public async Task A_token_signed_with_the_server_key_is_accepted_which_shows_the_rejections_are_about_the_key()
    {
        var (adminId, _) = await AdminAsync();
        var token = CraftToken(TestKeys.PrimaryPem, adminId, DateTimeOffset.UtcNow.AddMinutes(5), "admin");
        using var client = Client(token);

        var response = await client.GetAsync("/api/v1/me");

        Assert.That((int)response.StatusCode, Is.EqualTo(200), await response.Content.ReadAsStringAsync());
    }

    [Test]
    public async Task Basic_credentials_instead_of_a_bearer_token_are_401()
    {
        using var client = Client();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", "cm9vdDpwYXNz");

        var response = await client.GetAsync("/api/v1/me");

        await AssertProblemAsync(response, 401, "auth.unauthorized");
    }
}
