using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using NUnit.Framework;
using Platform.Api.Tests.Infrastructure;

namespace Platform.Api.Tests;

/// <summary>HTTP behaviour a review found missing; each test failed before its fix.</summary>
public sealed class ReviewRegressionApiTests : ApiTestBase
{
    [Test]
    public async Task If_match_with_several_tags_passes_when_any_of_them_is_current()
    {
        var (_, token) = await SignUpAsync();
        using var client = Client(token);
        var created = await client.PostAsJsonAsync("/api/v1/tickets", new { subject = "Printer", body = "On fire" });
        var id = (await JsonAsync(created))["id"]!.GetValue<Guid>();

        using var patch = new HttpRequestMessage(HttpMethod.Patch, $"/api/v1/tickets/{id}") { Content = JsonContent.Create(new { subject = "Edited" }) };
        patch.Headers.TryAddWithoutValidation("If-Match", "\"v7\", \"v1\"");
        var response = await client.SendAsync(patch);

        Assert.Multiple(() =>
        {
            Assert.That((int)response.StatusCode, Is.EqualTo(200));
            Assert.That(response.Headers.ETag?.Tag, Is.EqualTo("\"v2\""));
        });
    }

    [Test]
    public async Task A_body_in_a_charset_other_than_utf8_is_415()
    {
        using var client = Client();
        using var content = new StringContent("""{"refresh_token":"x"}""", Encoding.UTF8);
        content.Headers.ContentType = MediaTypeHeaderValue.Parse("application/json; charset=foo");

        var response = await client.PostAsync("/api/v1/auth/refresh", content);

        await AssertProblemAsync(response, 415, "request.unsupported_media_type");
    }

    [Test]
    public async Task Two_idempotency_key_headers_are_refused()
    {
        var (_, token) = await SignUpAsync();
        using var client = Client(token);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/tickets") { Content = JsonContent.Create(new { subject = "Printer", body = "On fire" }) };
        request.Headers.TryAddWithoutValidation("Idempotency-Key", ["a", "b"]);

        var response = await client.SendAsync(request);

        var problem = await AssertProblemAsync(response, 400, "validation.failed");
        Assert.Multiple(async () =>
        {
            Assert.That(problem["errors"]!["idempotency_key"], Is.Not.Null);
            Assert.That(await Database.CountAsync("tickets"), Is.EqualTo(0));
        });
    }

    [Test]
    public async Task A_malformed_body_on_a_limited_route_is_counted_and_carries_the_rate_limit_headers()
    {
        using var client = Client(clientIp: "198.51.100.77");
        using var content = new StringContent("null", Encoding.UTF8, "application/json");

        var response = await client.PostAsync("/api/v1/auth/register", content);

        Assert.Multiple(() =>
        {
            Assert.That((int)response.StatusCode, Is.EqualTo(400));
            Assert.That(response.Headers.Contains("X-RateLimit-Limit"), Is.True);
            Assert.That(response.Headers.GetValues("X-RateLimit-Remaining").Single(), Is.EqualTo("999"));
        });
    }

    [Test]
    public async Task A_nul_character_in_a_sign_in_email_is_a_400_not_a_500()
    {
        using var client = Client();

        var response = await client.PostAsJsonAsync("/api/v1/auth/token", new { email = "a\u0000@example.com", password = "correct horse battery" });

        await AssertProblemAsync(response, 400, "validation.failed");
    }
}
