using NUnit.Framework;
using Platform.Api.Tests.Infrastructure;

namespace Platform.Api.Tests;

/// <summary>Idempotency keys are per user, so session commands carry the caller's session in their fingerprint.</summary>
public sealed class SessionIdempotencyTests : ApiTestBase
{
    [Test]
    public async Task Logout_with_a_key_another_device_used_is_refused_as_a_different_request_not_replayed_as_success()
    {
        var email = $"two-{Guid.NewGuid():N}@example.com";
        await SignUpAsync(email);
        var laptop = await TokenAsync(email);
        var phone = await TokenAsync(email);
        var key = new Dictionary<string, string> { ["Idempotency-Key"] = "logout-1" };
        using var a = Client(laptop);
        using var b = Client(phone);
        var first = await SendAsync(a, HttpMethod.Post, "/api/v1/auth/logout", headers: key);
        var second = await SendAsync(b, HttpMethod.Post, "/api/v1/auth/logout", headers: key);
        var me = await SendAsync(b, HttpMethod.Get, "/api/v1/me");
        var secondBody = await second.Content.ReadAsStringAsync();
        Assert.Multiple(() =>
        {
            Assert.That((int)first.StatusCode, Is.EqualTo(200));
            Assert.That((int)second.StatusCode, Is.EqualTo(422), "the key was used for another device's logout: a different request");
            Assert.That(secondBody, Does.Contain("idempotency.key_reused"));
            Assert.That((int)me.StatusCode, Is.EqualTo(200), "a refused logout leaves the phone signed in, and says so");
        });
    }
}
