using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Net.Http.Headers;
using NUnit.Framework;
using Platform.Api.Tests.Infrastructure;

namespace Platform.Api.Tests;

/// <summary>
/// Browser cookie mode for the refresh token: the token lives in an HttpOnly <c>__Host-</c> cookie that scripts cannot
/// read, and a refresh from the cookie needs the <c>X-CSRF-Protection</c> header, which a cross-site form cannot send.
/// The clients here keep no cookie jar: each test sends exactly the cookie it means to, as a browser would.
/// </summary>
public sealed class CookieModeTests : ApiTestBase
{
    private const string CookieName = "__Host-platform_refresh";

    private static readonly Dictionary<string, string> Csrf = new() { ["X-CSRF-Protection"] = "1" };

    [Test]
    public async Task Signing_in_with_use_cookie_puts_the_refresh_token_in_a_secure_HttpOnly_host_cookie_and_not_in_the_body()
    {
        var (email, _) = await RegisterAsync();
        using var client = CookielessClient();

        var response = await client.PostAsJsonAsync("/api/v1/auth/token", new { email, password = Password, use_cookie = true });
        var body = await JsonAsync(response);

        var cookie = RefreshCookieOf(response);
        Assert.Multiple(() =>
        {
            Assert.That((int)response.StatusCode, Is.EqualTo(200), body.ToJsonString());
            Assert.That(body["refresh_token"]?.GetValue<string>(), Is.Null, "a script must not get the refresh token");
            Assert.That(StringOf(body, "access_token"), Is.Not.Null.And.Not.Empty);
            Assert.That(StringOf(body, "token_type"), Is.EqualTo("Bearer"));
            Assert.That(body["session_id"]?.GetValue<Guid>(), Is.Not.Null);
            Assert.That(cookie.Value.ToString(), Is.Not.Empty);
            Assert.That(cookie.HttpOnly, Is.True, "HttpOnly");
            Assert.That(cookie.Secure, Is.True, "Secure outside Development");
            Assert.That(cookie.SameSite, Is.EqualTo(SameSiteMode.Strict));
            Assert.That(cookie.Path.ToString(), Is.EqualTo("/"), "__Host- cookies need Path=/");
            Assert.That(cookie.Domain.HasValue, Is.False, "__Host- cookies must not name a domain");
            Assert.That(cookie.MaxAge, Is.EqualTo(TimeSpan.FromDays(90)), "the cookie lives as long as the session can");
        });
    }

    [Test]
    public async Task Signing_in_without_use_cookie_sets_no_cookie()
    {
        var (email, _) = await RegisterAsync();
        using var client = CookielessClient();

        var response = await client.PostAsJsonAsync("/api/v1/auth/token", new { email, password = Password });
        var body = await JsonAsync(response);

        Assert.Multiple(() =>
        {
            Assert.That(StringOf(body, "refresh_token"), Is.Not.Null.And.Not.Empty);
            Assert.That(response.Headers.Contains("Set-Cookie"), Is.False);
        });
    }

    [TestCase(null)]
    [TestCase("0")]
    public async Task A_refresh_from_the_cookie_without_the_CSRF_header_is_403_and_does_not_use_up_the_token(string? csrfValue)
    {
        var (email, _) = await RegisterAsync();
        using var client = CookielessClient();
        var cookie = RefreshCookieOf(await client.PostAsJsonAsync("/api/v1/auth/token", new { email, password = Password, use_cookie = true })).Value.ToString();
        var headers = new Dictionary<string, string> { ["Cookie"] = $"{CookieName}={cookie}" };
        if (csrfValue is not null)
        {
            headers["X-CSRF-Protection"] = csrfValue;
        }

        var refused = await SendAsync(client, HttpMethod.Post, "/api/v1/auth/refresh", headers: headers);

        await AssertProblemAsync(refused, 403, "auth.csrf_required");
        Assert.That(refused.Headers.Contains("Set-Cookie"), Is.False, "a refused request leaves the browser's cookie alone");

        var retried = await RefreshWithCookieAsync(client, cookie);
        Assert.That((int)retried.StatusCode, Is.EqualTo(200), "the refused request must not have rotated the token: " + await retried.Content.ReadAsStringAsync());
    }

    [Test]
    public async Task A_refresh_from_the_cookie_with_the_CSRF_header_rotates_the_cookie_and_keeps_the_token_out_of_the_body()
    {
        var (email, id) = await RegisterAsync();
        using var client = CookielessClient();
        var signIn = await client.PostAsJsonAsync("/api/v1/auth/token", new { email, password = Password, use_cookie = true });
        var sessionId = (await JsonAsync(signIn))["session_id"]!.GetValue<Guid>();
        var first = RefreshCookieOf(signIn).Value.ToString();

        var response = await RefreshWithCookieAsync(client, first);
        var body = await JsonAsync(response);
        var rotated = RefreshCookieOf(response);

        Assert.Multiple(() =>
        {
            Assert.That((int)response.StatusCode, Is.EqualTo(200), body.ToJsonString());
            Assert.That(body["refresh_token"]?.GetValue<string>(), Is.Null);
            Assert.That(body["session_id"]?.GetValue<Guid>(), Is.EqualTo(sessionId));
            Assert.That(rotated.Value.ToString(), Is.Not.Empty.And.Not.EqualTo(first), "every refresh rotates the token");
            Assert.That(rotated.HttpOnly && rotated.Secure && rotated.SameSite == SameSiteMode.Strict && rotated.Path == "/", Is.True, "the new cookie keeps its protections");
        });

        using var authed = Client(StringOf(body, "access_token"));
        var me = await authed.GetAsync("/api/v1/me");
        Assert.That(IdOf(await JsonAsync(me)), Is.EqualTo(id));

        var again = await RefreshWithCookieAsync(client, rotated.Value.ToString());
        Assert.That((int)again.StatusCode, Is.EqualTo(200), "the rotated cookie is the current token");
    }

    [Test]
    public async Task A_refresh_token_in_the_body_needs_no_CSRF_header_and_stays_in_the_body()
    {
        var (email, _) = await RegisterAsync();
        using var client = CookielessClient();
        var issued = await JsonAsync(await client.PostAsJsonAsync("/api/v1/auth/token", new { email, password = Password }));

        var response = await client.PostAsJsonAsync("/api/v1/auth/refresh", new { refresh_token = StringOf(issued, "refresh_token") });
        var body = await JsonAsync(response);

        Assert.Multiple(() =>
        {
            Assert.That((int)response.StatusCode, Is.EqualTo(200), body.ToJsonString());
            Assert.That(StringOf(body, "refresh_token"), Is.Not.Null.And.Not.EqualTo(StringOf(issued, "refresh_token")));
            Assert.That(response.Headers.Contains("Set-Cookie"), Is.False);
        });
    }

    [Test]
    public async Task Logout_clears_the_refresh_cookie_and_the_cleared_session_cannot_be_refreshed()
    {
        var (email, _) = await RegisterAsync();
        using var client = CookielessClient();
        var signIn = await client.PostAsJsonAsync("/api/v1/auth/token", new { email, password = Password, use_cookie = true });
        var access = StringOf(await JsonAsync(signIn), "access_token")!;
        var cookie = RefreshCookieOf(signIn).Value.ToString();

        var logout = await SendAsync(client, HttpMethod.Post, "/api/v1/auth/logout", headers: new Dictionary<string, string>
        {
            ["Authorization"] = $"Bearer {access}",
            ["Cookie"] = $"{CookieName}={cookie}",
        });

        Assert.That((int)logout.StatusCode, Is.EqualTo(200), await logout.Content.ReadAsStringAsync());
        var cleared = RefreshCookieOf(logout);
        Assert.Multiple(() =>
        {
            Assert.That(cleared.Value.ToString(), Is.Empty);
            Assert.That(cleared.MaxAge == TimeSpan.Zero || cleared.Expires < DateTimeOffset.UtcNow, Is.True, "the browser is told to drop the cookie now");
            Assert.That(cleared.Path.ToString(), Is.EqualTo("/"), "the same path, or the browser keeps the original cookie");
            Assert.That(cleared.Secure, Is.True, "a __Host- cookie is only accepted (and so only replaced) when Secure");
        });

        var refresh = await RefreshWithCookieAsync(client, cookie);
        await AssertProblemAsync(refresh, 401, "auth.session_revoked");
    }

    [Test]
    public async Task Replaying_an_old_cookie_value_is_401_refresh_token_reused_clears_the_cookie_and_ends_the_session()
    {
        var (email, _) = await RegisterAsync();
        using var client = CookielessClient();
        var first = RefreshCookieOf(await client.PostAsJsonAsync("/api/v1/auth/token", new { email, password = Password, use_cookie = true })).Value.ToString();
        var rotatedResponse = await RefreshWithCookieAsync(client, first);
        Assert.That((int)rotatedResponse.StatusCode, Is.EqualTo(200));
        var current = RefreshCookieOf(rotatedResponse).Value.ToString();

        var replay = await RefreshWithCookieAsync(client, first);

        await AssertProblemAsync(replay, 401, "auth.refresh_token_reused");
        var useCurrent = await RefreshWithCookieAsync(client, current);
        await AssertProblemAsync(useCurrent, 401, "auth.session_revoked");

        var cleared = RefreshCookieOf(replay);
        Assert.That(cleared.MaxAge == TimeSpan.Zero || cleared.Expires < DateTimeOffset.UtcNow, Is.True, "the ended family's cookie is dropped from the browser");
    }

    private HttpClient CookielessClient() => Factory.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = false });

    private async Task<(string Email, Guid Id)> RegisterAsync()
    {
        var email = $"cookie-{Guid.NewGuid():N}@example.com";
        using var client = Client();
        var registered = await client.PostAsJsonAsync("/api/v1/auth/register", new { email, password = Password, display_name = "Cookie" });
        Assert.That((int)registered.StatusCode, Is.EqualTo(201), await registered.Content.ReadAsStringAsync());
        return (email, IdOf(await JsonAsync(registered)));
    }

    private static Task<HttpResponseMessage> RefreshWithCookieAsync(HttpClient client, string cookie) =>
        SendAsync(client, HttpMethod.Post, "/api/v1/auth/refresh", headers: new Dictionary<string, string>(Csrf) { ["Cookie"] = $"{CookieName}={cookie}" });

    /// <summary>The one Set-Cookie for the refresh cookie; fails the test unless there is exactly one.</summary>
    private static SetCookieHeaderValue RefreshCookieOf(HttpResponseMessage response)
    {
        var cookies = response.Headers.TryGetValues("Set-Cookie", out var values)
            ? SetCookieHeaderValue.ParseList(values.ToList())
            : [];
        var matching = cookies.Where(c => c.Name == CookieName).ToList();
        Assert.That(matching, Has.Count.EqualTo(1), $"one Set-Cookie {CookieName} expected; got: {string.Join(" | ", values ?? [])}");
        return matching[0];
    }
}
