using System.Net.Http.Json;
using NUnit.Framework;
using Platform.Api.Tests.Infrastructure;

namespace Platform.Api.Tests;

/// <summary>Code requests count against the authentication tier per client IP and per address, so neither one address nor one client can flood mailboxes.</summary>
public sealed class OneTimeCodeRateLimitTests : ApiTestBase
{
    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["RateLimiting:Auth:PermitLimit"] = "5",
        // An hour-long window, entered well before its end (windows are aligned to the clock, not to the test), so a
        // window boundary cannot fall between a test's hits and reset its count.
        ["RateLimiting:Auth:WindowSeconds"] = "3600",
    };

    [SetUp]
    public Task EnsureWellInsideAWindowAsync() => RateLimitWindow.EnsureWellInsideAsync(Database.DataSource, 3600);

    private async Task<HttpResponseMessage> RequestCodeAsync(string email, string clientIp)
    {
        using var client = Client(clientIp: clientIp);
        return await client.PostAsJsonAsync("/api/v1/auth/otp/request", new { email });
    }

    [Test]
    public async Task One_address_asked_for_from_many_clients_is_limited()
    {
        var email = $"target-{Guid.NewGuid():N}@example.com";
        for (var i = 1; i <= 5; i++)
        {
            var answer = await RequestCodeAsync(email, $"203.0.113.{i}");
            Assert.That((int)answer.StatusCode, Is.EqualTo(202));
            Assert.That(Header(answer, "X-RateLimit-Remaining"), Is.Not.Null);
        }

        var limited = await RequestCodeAsync(email, "203.0.113.99");

        await AssertProblemAsync(limited, 429, "rate_limit.exceeded");
        Assert.That(Header(limited, "Retry-After"), Is.Not.Null);
    }

    [Test]
    public async Task One_client_asking_for_many_addresses_is_limited()
    {
        for (var i = 1; i <= 5; i++)
        {
            Assert.That((int)(await RequestCodeAsync($"a{i}-{Guid.NewGuid():N}@example.com", "198.51.100.7")).StatusCode, Is.EqualTo(202));
        }

        await AssertProblemAsync(await RequestCodeAsync($"b-{Guid.NewGuid():N}@example.com", "198.51.100.7"), 429, "rate_limit.exceeded");
    }
}
