using NUnit.Framework;
using Platform.Api.Tests.Infrastructure;

namespace Platform.Api.Tests;

public sealed class HealthAndMetricsTests : ApiTestBase
{
    [Test]
    public async Task Health_is_200_with_status_ok()
    {
        using var client = Client();

        var response = await client.GetAsync("/health");
        var body = await JsonAsync(response);

        Assert.Multiple(() =>
        {
            Assert.That((int)response.StatusCode, Is.EqualTo(200));
            Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/json"));
            Assert.That(body.ToJsonString(), Is.EqualTo("""{"status":"ok"}"""));
        });
    }

    [Test]
    public async Task Ready_is_200_when_the_database_answers_with_a_checks_object()
    {
        using var client = Client();

        var response = await client.GetAsync("/ready");
        var body = await JsonAsync(response);

        Assert.Multiple(() =>
        {
            Assert.That((int)response.StatusCode, Is.EqualTo(200), body.ToJsonString());
            Assert.That(StringOf(body, "status"), Is.EqualTo("ok"));
            Assert.That(body["checks"]?["database"]?.GetValue<string>(), Is.EqualTo("ok"));
        });
    }

    [Test]
    public async Task Full_health_reports_the_version_database_latency_and_migrations()
    {
        using var client = Client();

        var response = await client.GetAsync("/health/full");
        var body = await JsonAsync(response);
        var database = body["checks"]?["database"];

        Assert.Multiple(() =>
        {
            Assert.That((int)response.StatusCode, Is.EqualTo(200), body.ToJsonString());
            Assert.That(StringOf(body, "version"), Is.Not.Null.And.Not.Empty);
            Assert.That(StringOf(database, "status"), Is.EqualTo("ok"));
            Assert.That(database?["latency_ms"]?.GetValue<double>(), Is.GreaterThanOrEqualTo(0));
            Assert.That(StringOf(database, "migrations"), Is.EqualTo("applied"));
            Assert.That(StringOf(database, "applied_migration"), Is.Not.Null.And.Not.Empty);
            Assert.That(body["checks"]?["scheduler"]?["status"], Is.Not.Null);
        });
    }

    [Test]
    public async Task Metrics_is_Prometheus_text_with_the_HTTP_duration_by_route_method_and_status()
    {
        var (_, token) = await SignUpAsync();
        using var client = Client(token);
        var ticket = await client.PostAsync("/api/v1/tickets", JsonBody("""{"subject":"s","body":"b"}"""));
        Assert.That((int)ticket.StatusCode, Is.EqualTo(201));

        // The server records a request's duration as the request ends, which may be just after the client has the response.
        const string series = "http_server_request_duration_seconds_count\\{method=\"POST\",route=\"/api/v1/tickets\",status=\"201\"\\} [1-9]";
        var (response, text) = await ScrapeUntilAsync(client, series);

        Assert.Multiple(() =>
        {
            Assert.That((int)response.StatusCode, Is.EqualTo(200));
            Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("text/plain"));
            Assert.That(text, Does.Contain("# TYPE http_server_request_duration_seconds histogram"));
            Assert.That(text, Does.Match(series));
        });
    }

    [Test]
    public async Task Metrics_count_idempotent_replays()
    {
        var (_, token) = await SignUpAsync();
        using var client = Client(token);
        var key = new Dictionary<string, string> { ["Idempotency-Key"] = "metrics-replay" };
        await SendAsync(client, HttpMethod.Post, "/api/v1/tickets", """{"subject":"s","body":"b"}""", key);
        var replay = await SendAsync(client, HttpMethod.Post, "/api/v1/tickets", """{"subject":"s","body":"b"}""", key);
        Assert.That(Header(replay, "Idempotent-Replayed"), Is.EqualTo("true"));

        const string series = "platform_idempotency_replays_total\\{[^}]*operation=\"CreateTicketCommand\"[^}]*\\} [1-9]";
        var (_, text) = await ScrapeUntilAsync(client, series);

        Assert.That(text, Does.Match(series));
    }

    [Test]
    public async Task The_OpenAPI_document_is_JSON_and_describes_the_ticket_paths()
    {
        using var client = Client();

        var response = await client.GetAsync("/openapi/v1.json");
        var document = await JsonAsync(response);
        var paths = document["paths"]?.AsObject().Select(p => p.Key).ToList() ?? [];

        Assert.Multiple(() =>
        {
            Assert.That((int)response.StatusCode, Is.EqualTo(200));
            Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/json"));
            Assert.That(StringOf(document, "openapi"), Does.StartWith("3."));
            Assert.That(paths, Is.SupersetOf(new[] { "/api/v1/tickets", "/api/v1/tickets/{id}", "/api/v1/tickets/{id}/comments" }));
        });
    }

    /// <summary>Scrapes /metrics until the text matches <paramref name="pattern"/> (a regular expression) or 3 seconds pass.</summary>
    private static async Task<(HttpResponseMessage Response, string Text)> ScrapeUntilAsync(HttpClient client, string pattern)
    {
        HttpResponseMessage response;
        string text;
        var attempts = 0;
        do
        {
            if (attempts++ > 0)
            {
                await Task.Delay(100);
            }

            response = await client.GetAsync("/metrics");
            text = await response.Content.ReadAsStringAsync();
        }
        while (!System.Text.RegularExpressions.Regex.IsMatch(text, pattern) && attempts < 30);

        return (response, text);
    }
}
