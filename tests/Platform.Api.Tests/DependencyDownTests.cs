using System.Net.Http.Json;
using System.Net.Http.Headers;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using NUnit.Framework;
using Platform.Testing;
using Platform.Api.Tests.Infrastructure;

namespace Platform.Api.Tests;

/// <summary>With PostgreSQL unreachable the API still answers: liveness 200, readiness and data 503 with Retry-After.</summary>
public sealed class DependencyDownTests
{
    private WebApplicationFactory<Program> factory = null!;

    [OneTimeSetUp]
    public void Start()
    {
        // Port 1 on loopback refuses connections at once.
        factory = new WebApplicationFactory<Program>().WithWebHostBuilder(builder =>
        {
            builder.UseEnvironment("Testing");
            builder.UseSetting("ConnectionStrings:Platform", "Host=127.0.0.1;Port=1;Database=none;Username=none;Timeout=2");
            foreach (var (key, value) in TestKeys.Settings())
            {
                builder.UseSetting(key, value);
            }

            builder.UseSetting("Database:MigrateOnStartup", "false");
            builder.UseSetting("Database:MaxRetryCount", "0");
            builder.UseSetting("Jobs:Enabled", "false");
        });
    }

    [OneTimeTearDown]
    public async Task Stop() => await factory.DisposeAsync();

    [Test]
    public async Task Liveness_stays_ok_while_readiness_reports_the_database()
    {
        using var client = factory.CreateClient();

        var health = await client.GetAsync("/health");
        var ready = await client.GetAsync("/ready");
        var body = await ready.Content.ReadFromJsonAsync<System.Text.Json.Nodes.JsonObject>();

        Assert.Multiple(() =>
        {
            Assert.That((int)health.StatusCode, Is.EqualTo(200));
            Assert.That((int)ready.StatusCode, Is.EqualTo(503));
            Assert.That(body!["checks"]!["database"]!.GetValue<string>(), Is.EqualTo("unreachable"));
        });
    }

    [Test]
    public async Task The_open_database_circuit_shows_on_metrics_for_the_not_ready_alert()
    {
        using var client = factory.CreateClient();
        await client.GetAsync("/ready");
        var tokenResponse = await client.PostAsJsonAsync("/api/v1/auth/token", new { email = "a@example.com", password = "whatever it is" });
        Assert.That((int)tokenResponse.StatusCode, Is.EqualTo(503), "a request that needs the database failed, which opens the circuit");

        var (response, text) = await MetricsScraper.ScrapeAsync(client);

        Assert.That((int)response.StatusCode, Is.EqualTo(200));
        Assert.That(MetricsScraper.ValueOf(text, "platform_database_circuit_open{}"), Is.EqualTo(1), text);
    }

    [Test]
    public async Task A_data_read_with_a_valid_token_is_503_dependency_unavailable_with_retry_after()
    {
        // Not rate limited, so the failure comes from the query itself (through EF Core's execution strategy).
        using var client = factory.CreateClient();
        var token = ApiTestBase.CraftToken(TestKeys.PrimaryPem, Guid.NewGuid(), DateTimeOffset.UtcNow.AddMinutes(5), "agent");
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);

        var response = await client.GetAsync("/api/v1/tickets");
        var problem = await response.Content.ReadFromJsonAsync<System.Text.Json.Nodes.JsonObject>();

        Assert.Multiple(() =>
        {
            Assert.That((int)response.StatusCode, Is.EqualTo(503));
            Assert.That(problem!["code"]!.GetValue<string>(), Is.EqualTo("dependency.unavailable"));
            Assert.That(response.Headers.RetryAfter?.Delta, Is.EqualTo(TimeSpan.FromSeconds(5)));
        });
    }

    [Test]
    public async Task A_request_that_needs_the_database_is_503_dependency_unavailable_with_retry_after()
    {
        using var client = factory.CreateClient();

        var response = await client.PostAsJsonAsync("/api/v1/auth/token", new { email = "a@example.com", password = "correct horse battery" });
        var problem = await response.Content.ReadFromJsonAsync<System.Text.Json.Nodes.JsonObject>();

        Assert.Multiple(() =>
        {
            Assert.That((int)response.StatusCode, Is.EqualTo(503));
            Assert.That(response.Content.Headers.ContentType, Is.EqualTo(MediaTypeHeaderValue.Parse("application/problem+json")));
            Assert.That(problem!["code"]!.GetValue<string>(), Is.EqualTo("dependency.unavailable"));
            Assert.That(response.Headers.RetryAfter, Is.Not.Null);
            Assert.That(problem.ToJsonString(), Does.Not.Contain("Npgsql").And.Not.Contain("127.0.0.1"), "no internals leak");
        });
    }
}
