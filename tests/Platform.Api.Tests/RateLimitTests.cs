using System.Globalization;
using System.Net.Http.Json;
using NUnit.Framework;
using Platform.Api.Tests.Infrastructure;

namespace Platform.Api.Tests;

/// <summary>Authentication routes with a limit of 3 per window. Each test acts from its own client IPs.</summary>
public sealed class RateLimitTests : ApiTestBase
{
    private const int Limit = 3;

    protected override IDictionary<string, string?>? Settings => new Dictionary<string, string?>
    {
        ["RateLimiting:Auth:PermitLimit"] = Limit.ToString(CultureInfo.InvariantCulture),

        // Windows are aligned to the epoch on the database's clock, so a 3600 s window resets at every full hour
        // (hh:00:00 database time), not 3600 s after a test starts: see EnsureWellInsideAWindowAsync.
        ["RateLimiting:Auth:WindowSeconds"] = WindowSeconds.ToString(CultureInfo.InvariantCulture),
    };

    private const int WindowSeconds = 3600;

    /// <summary>Runs after the base class's database reset, so no test's hits straddle two windows.</summary>
    [SetUp]
    public Task EnsureWellInsideAWindowAsync() => RateLimitWindow.EnsureWellInsideAsync(Database.DataSource, WindowSeconds);

    private static Task<HttpResponseMessage> TokenAttemptAsync(HttpClient client, string email = "nobody@example.com") =>
        client.PostAsJsonAsync("/api/v1/auth/token", new { email, password = "wrong password 123" });

    [Test]
    public async Task Responses_on_the_token_route_carry_the_limit_the_remaining_count_and_a_future_reset()
    {
        using var client = Client(clientIp: "203.0.113.1");
        var before = DateTimeOffset.UtcNow.ToUnixTimeSeconds();

        var responses = new List<HttpResponseMessage>();
        for (var i = 0; i < Limit; i++)
        {
            responses.Add(await TokenAttemptAsync(client));
        }

        Assert.Multiple(() =>
        {
            Assert.That(responses.Select(r => (int)r.StatusCode), Has.All.EqualTo(401), "under the limit the route answers normally");
            Assert.That(responses.Select(r => Header(r, "X-RateLimit-Limit")), Has.All.EqualTo("3"));
            Assert.That(responses.Select(r => Header(r, "X-RateLimit-Remaining")), Is.EqualTo(new[] { "2", "1", "0" }));
            foreach (var response in responses)
            {
                var reset = long.Parse(Header(response, "X-RateLimit-Reset")!, CultureInfo.InvariantCulture);
                Assert.That(reset, Is.GreaterThan(before).And.LessThanOrEqualTo(before + 3600 + 1), "Unix epoch seconds within the window");
            }
        });
    }

    [Test]
    public async Task A_successful_sign_in_also_carries_the_rate_limit_headers()
    {
        var email = $"limited-{Guid.NewGuid():N}@example.com";
        using (var registrar = Client(clientIp: "203.0.113.20"))
        {
            var registered = await registrar.PostAsJsonAsync("/api/v1/auth/register", new { email, password = Password, display_name = "Limited" });
            Assert.That((int)registered.StatusCode, Is.EqualTo(201));
        }

        using var client = Client(clientIp: "203.0.113.2");

        var response = await client.PostAsJsonAsync("/api/v1/auth/token", new { email, password = Password });

        Assert.Multiple(() =>
        {
            Assert.That((int)response.StatusCode, Is.EqualTo(200));
            Assert.That(Header(response, "X-RateLimit-Limit"), Is.EqualTo("3"));
            Assert.That(Header(response, "X-RateLimit-Remaining"), Is.EqualTo("2"));
            Assert.That(Header(response, "X-RateLimit-Reset"), Does.Match("^[0-9]+$"));
        });
    }

    [Test]
    public async Task The_request_over_the_limit_is_429_rate_limit_exceeded_with_Retry_After_and_the_headers()
    {
        using var client = Client(clientIp: "203.0.113.3");
        for (var i = 0; i < Limit; i++)
        {
            await TokenAttemptAsync(client);
        }

        var response = await TokenAttemptAsync(client);

        await AssertProblemAsync(response, 429, "rate_limit.exceeded");
        var retryAfter = response.Headers.RetryAfter?.Delta?.TotalSeconds;
        Assert.Multiple(() =>
        {
            Assert.That(retryAfter, Is.GreaterThanOrEqualTo(1).And.LessThanOrEqualTo(3600));
            Assert.That(Header(response, "X-RateLimit-Limit"), Is.EqualTo("3"));
            Assert.That(Header(response, "X-RateLimit-Remaining"), Is.EqualTo("0"));
            Assert.That(Header(response, "X-RateLimit-Reset"), Does.Match("^[0-9]+$"));
        });
    }

    [Test]
    public async Task Another_client_IP_is_not_affected_by_a_limited_one()
    {
        using var limited = Client(clientIp: "203.0.113.4");
        using var other = Client(clientIp: "203.0.113.5");
        for (var i = 0; i <= Limit; i++)
        {
            await TokenAttemptAsync(limited, "first@example.com");
        }

        Assert.That((int)(await TokenAttemptAsync(limited, "first@example.com")).StatusCode, Is.EqualTo(429));

        var response = await TokenAttemptAsync(other, "second@example.com");

        Assert.Multiple(() =>
        {
            Assert.That((int)response.StatusCode, Is.EqualTo(401));
            Assert.That(Header(response, "X-RateLimit-Remaining"), Is.EqualTo("2"));
        });
    }

    [Test]
    public async Task Registration_is_limited_too_and_a_limited_registration_creates_no_account()
    {
        using var client = Client(clientIp: "203.0.113.6");
        var statuses = new List<int>();
        for (var i = 0; i <= Limit; i++)
        {
            var response = await client.PostAsJsonAsync("/api/v1/auth/register", new { email = $"reg{i}@example.com", password = Password, display_name = "Reg" });
            statuses.Add((int)response.StatusCode);
            if (i == Limit)
            {
                await AssertProblemAsync(response, 429, "rate_limit.exceeded");
            }
        }

        var limitedAccounts = await Database.CountAsync("users", "email = 'reg3@example.com'");
        Assert.Multiple(() =>
        {
            Assert.That(statuses, Is.EqualTo(new[] { 201, 201, 201, 429 }));
            Assert.That(limitedAccounts, Is.Zero);
        });
    }

    [Test]
    public async Task Sign_in_attempts_against_one_account_are_limited_per_account_across_client_IPs()
    {
        var email = $"target-{Guid.NewGuid():N}@example.com";
        using (var registrar = Client(clientIp: "198.51.100.9"))
        {
            var registered = await registrar.PostAsJsonAsync("/api/v1/auth/register", new { email, password = Password, display_name = "Target" });
            Assert.That((int)registered.StatusCode, Is.EqualTo(201));
        }

        var statuses = new List<int>();
        for (var i = 0; i <= Limit; i++)
        {
            // Differently written forms of one email are one account.
            using var client = Client(clientIp: $"198.51.100.{10 + i}");
            var aimedAt = i % 2 == 0 ? email : $"  {email.ToUpperInvariant()} ";
            statuses.Add((int)(await TokenAttemptAsync(client, aimedAt)).StatusCode);
        }

        Assert.That(statuses, Is.EqualTo(new[] { 401, 401, 401, 429 }), "The conventions key authentication limits by client IP and by account: spreading attempts over IPs must not bypass the limit.");
    }

    [Test]
    public async Task Sign_in_attempts_from_one_IP_against_many_accounts_are_limited_per_IP()
    {
        using var client = Client(clientIp: "198.51.100.50");
        var statuses = new List<int>();
        for (var i = 0; i <= Limit; i++)
        {
            statuses.Add((int)(await TokenAttemptAsync(client, $"spray{i}@example.com")).StatusCode);
        }

        Assert.That(statuses, Is.EqualTo(new[] { 401, 401, 401, 429 }));
    }
}
