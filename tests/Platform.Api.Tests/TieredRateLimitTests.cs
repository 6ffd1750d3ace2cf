using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using NUnit.Framework;
using Platform.Api.Tests.Infrastructure;

namespace Platform.Api.Tests;

/// <summary>
/// The three rate-limit tiers with small limits: authentication routes per client IP and per account, signed-in API
/// traffic per user, anonymous API traffic per client IP. Each test acts from its own client IPs.
/// </summary>
public sealed class TieredRateLimitTests : ApiTestBase
{
    private const int AuthLimit = 3;
    private const int AuthenticatedLimit = 5;
    private const int AnonymousLimit = 4;

    // Windows are aligned to the epoch on the database clock: a long window plus the margin check below keeps every
    // test's hits inside one window.
    private const int WindowSeconds = 3600;

    private static readonly TimeSpan Margin = TimeSpan.FromSeconds(30);

    protected override IDictionary<string, string?>? Settings => new Dictionary<string, string?>
    {
        ["RateLimiting:Auth:PermitLimit"] = AuthLimit.ToString(CultureInfo.InvariantCulture),
        ["RateLimiting:Auth:WindowSeconds"] = WindowSeconds.ToString(CultureInfo.InvariantCulture),
        ["RateLimiting:Authenticated:PermitLimit"] = AuthenticatedLimit.ToString(CultureInfo.InvariantCulture),
        ["RateLimiting:Authenticated:WindowSeconds"] = WindowSeconds.ToString(CultureInfo.InvariantCulture),
        ["RateLimiting:Anonymous:PermitLimit"] = AnonymousLimit.ToString(CultureInfo.InvariantCulture),
        ["RateLimiting:Anonymous:WindowSeconds"] = WindowSeconds.ToString(CultureInfo.InvariantCulture),
    };

    [SetUp]
    public async Task EnsureWellInsideAWindowAsync()
    {
        await using var command = Database.DataSource.CreateCommand("SELECT $1 - (floor(extract(epoch FROM now()))::bigint % $1)");
        command.Parameters.AddWithValue((long)WindowSeconds);
        var secondsLeft = Convert.ToInt64(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
        if (secondsLeft < Margin.TotalSeconds)
        {
            await Task.Delay(TimeSpan.FromSeconds(secondsLeft + 1));
        }
    }

    [Test]
    public async Task One_IP_spraying_sign_ins_at_different_accounts_is_stopped_after_the_auth_limit()
    {
        using var client = Client(clientIp: "192.0.2.10");
        var statuses = new List<int>();
        for (var i = 0; i < AuthLimit; i++)
        {
            statuses.Add((int)(await WrongSignInAsync(client, $"spray{i}@example.com")).StatusCode);
        }

        var limited = await WrongSignInAsync(client, "spray-last@example.com");

        Assert.That(statuses, Is.EqualTo(Enumerable.Repeat(401, AuthLimit)));
        await AssertProblemAsync(limited, 429, "rate_limit.exceeded");
        AssertLimitHeaders(limited, AuthLimit, remaining: 0);
    }

    [Test]
    public async Task Many_IPs_aiming_at_one_account_are_stopped_after_the_auth_limit_even_with_the_right_password()
    {
        var (email, _) = await RegisterAsync("192.0.2.20");
        var statuses = new List<int>();
        for (var i = 0; i < AuthLimit; i++)
        {
            using var attacker = Client(clientIp: $"192.0.2.{21 + i}");
            statuses.Add((int)(await WrongSignInAsync(attacker, email)).StatusCode);
        }

        using var fresh = Client(clientIp: "192.0.2.29");
        var limited = await fresh.PostAsJsonAsync("/api/v1/auth/token", new { email, password = Password });

        Assert.That(statuses, Is.EqualTo(Enumerable.Repeat(401, AuthLimit)));
        await AssertProblemAsync(limited, 429, "rate_limit.exceeded");
        AssertLimitHeaders(limited, AuthLimit, remaining: 0);
    }

    [Test]
    public async Task Signed_in_traffic_is_limited_per_user_whatever_IP_it_comes_from_and_other_users_are_not_affected()
    {
        var (_, busyToken) = await SignInNewUserAsync("192.0.2.30");
        var (_, otherToken) = await SignInNewUserAsync("192.0.2.31");

        var statuses = new List<int>();
        var remaining = new List<string?>();
        for (var i = 0; i < AuthenticatedLimit; i++)
        {
            // Switching client IPs does not give the user a fresh allowance.
            using var client = Client(busyToken, $"192.0.2.{40 + i}");
            var response = await client.GetAsync("/api/v1/me");
            statuses.Add((int)response.StatusCode);
            remaining.Add(Header(response, "X-RateLimit-Remaining"));
        }

        using var busy = Client(busyToken, "192.0.2.49");
        var limited = await busy.GetAsync("/api/v1/me");
        using var other = Client(otherToken, "192.0.2.40");
        var unaffected = await other.GetAsync("/api/v1/me");

        Assert.Multiple(() =>
        {
            Assert.That(statuses, Is.EqualTo(Enumerable.Repeat(200, AuthenticatedLimit)));
            Assert.That(remaining, Is.EqualTo(new[] { "4", "3", "2", "1", "0" }));
        });
        await AssertProblemAsync(limited, 429, "rate_limit.exceeded");
        AssertLimitHeaders(limited, AuthenticatedLimit, remaining: 0);
        Assert.Multiple(() =>
        {
            Assert.That((int)unaffected.StatusCode, Is.EqualTo(200));
            Assert.That(Header(unaffected, "X-RateLimit-Limit"), Is.EqualTo("5"));
            Assert.That(Header(unaffected, "X-RateLimit-Remaining"), Is.EqualTo("4"));
        });
    }

    [Test]
    public async Task Signed_in_traffic_counts_across_API_routes()
    {
        var (_, token) = await SignInNewUserAsync("192.0.2.50");
        using var client = Client(token, "192.0.2.51");
        var statuses = new List<int>();
        for (var i = 0; i < AuthenticatedLimit; i++)
        {
            statuses.Add((int)(await client.GetAsync(i % 2 == 0 ? "/api/v1/tickets" : "/api/v1/auth/sessions")).StatusCode);
        }

        var limited = await client.GetAsync("/api/v1/me");

        Assert.That(statuses, Is.EqualTo(Enumerable.Repeat(200, AuthenticatedLimit)));
        await AssertProblemAsync(limited, 429, "rate_limit.exceeded");
    }

    [Test]
    public async Task Anonymous_API_calls_are_counted_per_IP_even_when_refused_and_another_IP_is_not_affected()
    {
        using var client = Client(clientIp: "192.0.2.60");
        var statuses = new List<int>();
        var limits = new List<string?>();
        for (var i = 0; i < AnonymousLimit; i++)
        {
            var response = await client.GetAsync(i % 2 == 0 ? "/api/v1/tickets" : "/api/v1/me");
            statuses.Add((int)response.StatusCode);
            limits.Add(Header(response, "X-RateLimit-Limit"));
        }

        var limited = await client.GetAsync("/api/v1/tickets");
        using var otherIp = Client(clientIp: "192.0.2.61");
        var unaffected = await otherIp.GetAsync("/api/v1/tickets");

        Assert.Multiple(() =>
        {
            Assert.That(statuses, Is.EqualTo(Enumerable.Repeat(401, AnonymousLimit)), "anonymous calls to protected routes are refused, but counted");
            Assert.That(limits, Has.All.EqualTo("4"), "refused calls carry the limit headers too");
        });
        await AssertProblemAsync(limited, 429, "rate_limit.exceeded");
        AssertLimitHeaders(limited, AnonymousLimit, remaining: 0);
        await AssertProblemAsync(unaffected, 401, "auth.unauthorized");
        Assert.That(Header(unaffected, "X-RateLimit-Remaining"), Is.EqualTo("3"));
    }

    [Test]
    public async Task IPv6_clients_are_counted_per_64_network_so_rotating_addresses_does_not_escape_the_limit()
    {
        var statuses = new List<int>();
        for (var i = 0; i <= AnonymousLimit; i++)
        {
            // A new address each time, all inside 2001:db8:1:2::/64.
            using var client = Client(clientIp: $"2001:db8:1:2::{i + 1:x}");
            statuses.Add((int)(await client.GetAsync("/api/v1/tickets")).StatusCode);
        }

        using var otherNetwork = Client(clientIp: "2001:db8:1:3::1");
        var unaffected = await otherNetwork.GetAsync("/api/v1/tickets");

        Assert.Multiple(() =>
        {
            Assert.That(statuses.Take(AnonymousLimit), Has.All.EqualTo(401));
            Assert.That(statuses[AnonymousLimit], Is.EqualTo(429), "the fifth address of one /64 shares its allowance");
            Assert.That((int)unaffected.StatusCode, Is.EqualTo(401), "another /64 has its own allowance");
        });
    }

    [Test]
    public async Task A_signed_in_user_behind_an_IP_whose_anonymous_allowance_is_used_up_is_not_limited()
    {
        const string sharedIp = "192.0.2.70";
        var (_, token) = await SignInNewUserAsync("192.0.2.71");
        using var anonymous = Client(clientIp: sharedIp);
        for (var i = 0; i <= AnonymousLimit; i++)
        {
            await anonymous.GetAsync("/api/v1/tickets");
        }

        Assert.That((int)(await anonymous.GetAsync("/api/v1/tickets")).StatusCode, Is.EqualTo(429));

        using var user = Client(token, sharedIp);
        var response = await user.GetAsync("/api/v1/me");

        Assert.Multiple(() =>
        {
            Assert.That((int)response.StatusCode, Is.EqualTo(200), "a signed-in user is counted by account, not by the shared (NAT) address");
            Assert.That(Header(response, "X-RateLimit-Limit"), Is.EqualTo("5"));
        });
    }

    [Test]
    public async Task The_auth_tier_and_the_anonymous_tier_are_counted_separately()
    {
        const string ip = "192.0.2.80";
        using var client = Client(clientIp: ip);
        for (var i = 0; i <= AnonymousLimit; i++)
        {
            await client.GetAsync("/api/v1/tickets");
        }

        var signIn = await WrongSignInAsync(client, "someone@example.com");

        Assert.Multiple(() =>
        {
            Assert.That((int)signIn.StatusCode, Is.EqualTo(401), "browsing anonymously must not lock an IP out of signing in");
            Assert.That(Header(signIn, "X-RateLimit-Limit"), Is.EqualTo("3"));
            Assert.That(Header(signIn, "X-RateLimit-Remaining"), Is.EqualTo("2"));
        });
    }

    [TestCase("/health")]
    [TestCase("/.well-known/jwks.json")]
    public async Task Probes_and_the_JWKS_document_are_never_limited(string path)
    {
        using var client = Client(clientIp: "192.0.2.90");
        var responses = new List<HttpResponseMessage>();
        for (var i = 0; i < AnonymousLimit * 3; i++)
        {
            responses.Add(await client.GetAsync(path));
        }

        Assert.Multiple(() =>
        {
            Assert.That(responses.Select(r => (int)r.StatusCode), Has.All.EqualTo(200));
            Assert.That(responses.Select(r => r.Headers.Contains("X-RateLimit-Limit")), Has.All.False, "unlimited routes send no limit headers");
        });
    }

    private static void AssertLimitHeaders(HttpResponseMessage response, int limit, int remaining)
    {
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        Assert.Multiple(() =>
        {
            Assert.That(response.Headers.RetryAfter?.Delta?.TotalSeconds, Is.GreaterThanOrEqualTo(1).And.LessThanOrEqualTo(WindowSeconds));
            Assert.That(Header(response, "X-RateLimit-Limit"), Is.EqualTo(limit.ToString(CultureInfo.InvariantCulture)));
            Assert.That(Header(response, "X-RateLimit-Remaining"), Is.EqualTo(remaining.ToString(CultureInfo.InvariantCulture)));
            Assert.That(
                long.Parse(Header(response, "X-RateLimit-Reset") ?? "0", CultureInfo.InvariantCulture),
                Is.GreaterThan(now - 5).And.LessThanOrEqualTo(now + WindowSeconds + 5),
                "the reset is Unix epoch seconds within the window");
        });
    }

    private static Task<HttpResponseMessage> WrongSignInAsync(HttpClient client, string email) =>
        client.PostAsJsonAsync("/api/v1/auth/token", new { email, password = "wrong password 123" });

    /// <summary>Registers from <paramref name="ip"/>, so the registration uses no other IP's auth allowance.</summary>
    private async Task<(string Email, Guid Id)> RegisterAsync(string ip)
    {
        var email = $"tier-{Guid.NewGuid():N}@example.com";
        using var client = Client(clientIp: ip);
        var registered = await client.PostAsJsonAsync("/api/v1/auth/register", new { email, password = Password, display_name = "Tier" });
        Assert.That((int)registered.StatusCode, Is.EqualTo(201), await registered.Content.ReadAsStringAsync());
        return (email, IdOf(await JsonAsync(registered)));
    }

    private async Task<(Guid Id, string Token)> SignInNewUserAsync(string ip)
    {
        var (email, id) = await RegisterAsync(ip);
        using var client = Client(clientIp: ip);
        var response = await client.PostAsJsonAsync("/api/v1/auth/token", new { email, password = Password });
        Assert.That((int)response.StatusCode, Is.EqualTo(200), await response.Content.ReadAsStringAsync());
        return (id, (await response.Content.ReadFromJsonAsync<JsonObject>())!["access_token"]!.GetValue<string>());
    }
}
