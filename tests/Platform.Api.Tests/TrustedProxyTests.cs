using System.Globalization;
using System.Net.Http.Json;
using NUnit.Framework;
using Platform.Api.Tests.Infrastructure;

namespace Platform.Api.Tests;

/// <summary>
/// <c>X-Forwarded-For</c>/<c>-Proto</c> are believed only from configured proxies (one address and one CIDR range
/// here). The client IP shows in the session list, in the audit log and in the per-IP rate-limit buckets.
/// </summary>
public sealed class TrustedProxyTests : ApiTestBase
{
    private const string Proxy = "10.0.0.1";
    private const string ProxyInRange = "172.20.1.2";
    private const string Untrusted = "203.0.113.5";
    private const string RealClient = "198.51.100.7";
    private const int AuthLimit = 3;

    protected override IDictionary<string, string?>? Settings => new Dictionary<string, string?>
    {
        ["Network:TrustedProxies:0"] = Proxy,
        ["Network:TrustedProxies:1"] = "172.16.0.0/12",
        ["RateLimiting:Auth:PermitLimit"] = AuthLimit.ToString(CultureInfo.InvariantCulture),
        ["RateLimiting:Auth:WindowSeconds"] = "3600",
    };

    [SetUp]
    public async Task EnsureWellInsideAWindowAsync()
    {
        await using var command = Database.DataSource.CreateCommand("SELECT 3600 - (floor(extract(epoch FROM now()))::bigint % 3600)");
        var secondsLeft = Convert.ToInt64(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
        if (secondsLeft < 30)
        {
            await Task.Delay(TimeSpan.FromSeconds(secondsLeft + 1));
        }
    }

    [TestCase(Proxy)]
    [TestCase(ProxyInRange)]
    public async Task Through_a_trusted_proxy_the_client_is_the_forwarded_address_in_sessions_and_the_audit_log(string proxy)
    {
        var email = await RegisterAsync();

        var sessionIp = await SignInAndReadSessionIpAsync(Factory, email, proxy, RealClient);

        var auditIp = await LoginAuditIpAsync(email);

        Assert.Multiple(() =>
        {
            Assert.That(sessionIp, Is.EqualTo(RealClient));
            Assert.That(auditIp, Is.EqualTo(RealClient));
        });
    }

    [Test]
    public async Task From_an_untrusted_peer_a_forwarded_address_is_ignored()
    {
        var email = await RegisterAsync();

        var sessionIp = await SignInAndReadSessionIpAsync(Factory, email, Untrusted, RealClient);

        var auditIp = await LoginAuditIpAsync(email);

        Assert.Multiple(() =>
        {
            Assert.That(sessionIp, Is.EqualTo(Untrusted));
            Assert.That(auditIp, Is.EqualTo(Untrusted));
        });
    }

    [Test]
    public async Task A_client_cannot_spoof_its_address_through_the_trusted_proxy_by_sending_its_own_X_Forwarded_For()
    {
        var email = await RegisterAsync();

        // The client sent "X-Forwarded-For: 192.0.2.99"; the proxy appended the address it saw.
        var sessionIp = await SignInAndReadSessionIpAsync(Factory, email, Proxy, $"192.0.2.99, {RealClient}");

        Assert.That(sessionIp, Is.EqualTo(RealClient), "only the entry the trusted proxy added is believed");
    }

    [Test]
    public async Task Rotating_spoofed_X_Forwarded_For_values_from_an_untrusted_peer_cannot_escape_the_per_IP_limit()
    {
        using var client = Client(clientIp: Untrusted);
        var statuses = new List<int>();
        for (var i = 0; i <= AuthLimit; i++)
        {
            var response = await SendAsync(
                client,
                HttpMethod.Post,
                "/api/v1/auth/token",
                $$"""{"email":"spray{{i}}@example.com","password":"wrong password 123"}""",
                new Dictionary<string, string> { ["X-Forwarded-For"] = $"198.51.100.{100 + i}" });
            statuses.Add((int)response.StatusCode);
            if (i == AuthLimit)
            {
                await AssertProblemAsync(response, 429, "rate_limit.exceeded");
            }
        }

        Assert.That(statuses, Is.EqualTo(new[] { 401, 401, 401, 429 }));
    }

    [Test]
    public async Task Clients_behind_one_trusted_proxy_have_their_own_per_IP_limits()
    {
        var statuses = new List<int>();
        for (var i = 0; i <= AuthLimit; i++)
        {
            statuses.Add((int)(await ThroughProxyAsync(RealClient, $"spray{i}@example.com")).StatusCode);
        }

        var neighbour = await ThroughProxyAsync("198.51.100.8", "neighbour@example.com");

        Assert.Multiple(() =>
        {
            Assert.That(statuses, Is.EqualTo(new[] { 401, 401, 401, 429 }), "the forwarded client is limited");
            Assert.That((int)neighbour.StatusCode, Is.EqualTo(401), "another client of the same proxy is not: the proxy's address is not the bucket");
            Assert.That(Header(neighbour, "X-RateLimit-Remaining"), Is.EqualTo("2"));
        });
    }

    [Test]
    public async Task X_Forwarded_Proto_https_from_a_trusted_proxy_makes_the_request_HTTPS_and_from_an_untrusted_peer_does_not()
    {
        var headers = new Dictionary<string, string> { ["X-Forwarded-For"] = RealClient, ["X-Forwarded-Proto"] = "https" };
        using var viaProxy = Client(clientIp: Proxy);
        using var direct = Client(clientIp: Untrusted);

        var trusted = await SendAsync(viaProxy, HttpMethod.Get, "/health", headers: headers);
        var untrusted = await SendAsync(direct, HttpMethod.Get, "/health", headers: headers);

        Assert.Multiple(() =>
        {
            Assert.That(Header(trusted, "Strict-Transport-Security"), Is.Not.Null, "TLS ended at the proxy: the response is served over HTTPS");
            Assert.That(Header(untrusted, "Strict-Transport-Security"), Is.Null, "a direct plain-HTTP caller cannot claim HTTPS");
        });
    }

    [Test]
    public async Task With_proxies_configured_loopback_is_not_trusted_unless_listed()
    {
        var email = await RegisterAsync();
        var sessionIp = await SignInAndReadSessionIpAsync(Factory, email, "127.0.0.1", RealClient);
        Assert.That(sessionIp, Is.EqualTo("127.0.0.1"));
    }

    [Test]
    public async Task Without_configured_proxies_X_Forwarded_For_is_ignored_even_from_loopback()
    {
        await using var host = HostWithoutProxies();
        var email = await RegisterAsync();

        // No X-Test-Client-IP: the peer is 127.0.0.1, which ASP.NET Core would trust by default.
        var sessionIp = await SignInAndReadSessionIpAsync(host, email, peer: null, RealClient);

        Assert.That(sessionIp, Is.EqualTo("127.0.0.1"));
    }

    [Test]
    public async Task Without_configured_proxies_rotating_spoofed_X_Forwarded_For_values_cannot_escape_the_per_IP_limit()
    {
        await using var host = HostWithoutProxies();
        using var client = host.CreateClient();
        client.DefaultRequestHeaders.Add(PlatformApiFactory.ClientIpHeader, Untrusted);
        var statuses = new List<int>();
        for (var i = 0; i <= AuthLimit; i++)
        {
            var response = await SendAsync(
                client,
                HttpMethod.Post,
                "/api/v1/auth/token",
                $$"""{"email":"spray{{i}}@example.com","password":"wrong password 123"}""",
                new Dictionary<string, string> { ["X-Forwarded-For"] = $"198.51.100.{100 + i}" });
            statuses.Add((int)response.StatusCode);
        }

        Assert.That(statuses, Is.EqualTo(new[] { 401, 401, 401, 429 }), "with no proxy configured, nobody's X-Forwarded-For may be believed");
    }

    /// <summary>Another instance with the same limits but no Network:TrustedProxies (the default configuration).</summary>
    private static PlatformApiFactory HostWithoutProxies() => new(ApiDatabase.Instance, new Dictionary<string, string?>
    {
        ["RateLimiting:Auth:PermitLimit"] = AuthLimit.ToString(CultureInfo.InvariantCulture),
        ["RateLimiting:Auth:WindowSeconds"] = "3600",
    });

    private async Task<HttpResponseMessage> ThroughProxyAsync(string forwardedFor, string email)
    {
        using var client = Client(clientIp: Proxy);
        return await SendAsync(
            client,
            HttpMethod.Post,
            "/api/v1/auth/token",
            $$"""{"email":"{{email}}","password":"wrong password 123"}""",
            new Dictionary<string, string> { ["X-Forwarded-For"] = forwardedFor });
    }

    private async Task<string> RegisterAsync()
    {
        var email = $"proxy-{Guid.NewGuid():N}@example.com";
        using var client = Client(clientIp: "192.0.2.200");
        var registered = await client.PostAsJsonAsync("/api/v1/auth/register", new { email, password = Password, display_name = "Proxy" });
        Assert.That((int)registered.StatusCode, Is.EqualTo(201), await registered.Content.ReadAsStringAsync());
        return email;
    }

    /// <summary>Signs in from <paramref name="peer"/> (the socket address) with X-Forwarded-For, then reads the new session's ip.</summary>
    private static async Task<string?> SignInAndReadSessionIpAsync(PlatformApiFactory host, string email, string? peer, string forwardedFor)
    {
        using var client = host.CreateClient();
        if (peer is not null)
        {
            client.DefaultRequestHeaders.Add(PlatformApiFactory.ClientIpHeader, peer);
        }

        var signIn = await SendAsync(
            client,
            HttpMethod.Post,
            "/api/v1/auth/token",
            $$"""{"email":"{{email}}","password":"{{Password}}"}""",
            new Dictionary<string, string> { ["X-Forwarded-For"] = forwardedFor });
        Assert.That((int)signIn.StatusCode, Is.EqualTo(200), await signIn.Content.ReadAsStringAsync());
        var token = StringOf(await JsonAsync(signIn), "access_token");

        using var reader = host.CreateClient();
        reader.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        var sessions = await JsonAsync(await reader.GetAsync("/api/v1/auth/sessions"));
        var items = ItemsOf(sessions);
        Assert.That(items, Has.Count.EqualTo(1), sessions.ToJsonString());
        return StringOf(items[0], "ip");
    }

    private async Task<string?> LoginAuditIpAsync(string email)
    {
        await using var command = Database.DataSource.CreateCommand(
            "SELECT actor_ip FROM audit_log WHERE action = 'auth.login_succeeded' AND lower(changes->>'email') = lower($1)");
        command.Parameters.AddWithValue(email);
        return await command.ExecuteScalarAsync() as string;
    }
}
