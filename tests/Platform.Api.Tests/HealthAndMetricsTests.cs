using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
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
            Assert.That(body["checks"]?["scheduler"]?["status"]?.GetValue<string>(), Is.EqualTo("disabled"), "the test host runs with Jobs:Enabled=false");
        });
    }

    [Test]
    public async Task Metrics_is_Prometheus_text_with_the_HTTP_duration_by_route_method_and_status()
    {
        var (_, token) = await SignUpAsync();
        using var client = Client(token);

        // Metrics live as long as the host, which this class's tests share: another test may already have created tickets.
        const string series = "http_server_request_duration_seconds_count{http_request_method=\"POST\",http_response_status_code=\"201\",http_route=\"/api/v1/tickets\"}";
        var before = await MetricsScraper.ValueAsync(client, series);

        var ticket = await client.PostAsync("/api/v1/tickets", JsonBody("""{"subject":"s","body":"b"}"""));
        Assert.That((int)ticket.StatusCode, Is.EqualTo(201));

        // The server records a request's duration as the request ends, which may be just after the client has the response.
        var (response, text, after) = await MetricsScraper.ScrapeUntilAboveAsync(client, series, before);

        Assert.Multiple(() =>
        {
            Assert.That((int)response.StatusCode, Is.EqualTo(200));
            Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("text/plain"));
            Assert.That(text, Does.Contain("# TYPE http_server_request_duration_seconds histogram"));
            Assert.That(after, Is.EqualTo(before + 1), $"exactly one more POST 201 in {series} (before: {before})\n{text}");
        });
    }

    [Test]
    public async Task Metrics_count_idempotent_replays()
    {
        var (_, token) = await SignUpAsync();
        using var client = Client(token);
        const string series = "platform_idempotency_replays_total{operation=\"CreateTicketCommand\"}";
        var before = await MetricsScraper.ValueAsync(client, series);
        var key = new Dictionary<string, string> { ["Idempotency-Key"] = "metrics-replay" };
        await SendAsync(client, HttpMethod.Post, "/api/v1/tickets", """{"subject":"s","body":"b"}""", key);
        var replay = await SendAsync(client, HttpMethod.Post, "/api/v1/tickets", """{"subject":"s","body":"b"}""", key);
        Assert.That(Header(replay, "Idempotent-Replayed"), Is.EqualTo("true"));

        var (_, text, after) = await MetricsScraper.ScrapeUntilAboveAsync(client, series, before);

        Assert.That(after, Is.EqualTo(before + 1), $"exactly one more replay in {series} (before: {before})\n{text}");
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
}

/// <summary>
/// Reads series values from /metrics. Metrics are per host and a test class shares one host, so a test compares a
/// series' value before and after its action rather than expecting an absolute value.
/// </summary>
internal static class MetricsScraper
{
    /// <summary>The value on the line of exactly <paramref name="series"/> (name and full label set), or null if absent.</summary>
    public static double? ValueOf(string text, string series)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(series);

        // Anchored to a whole line, so a series with more labels or a longer name never matches; an optional timestamp may follow.
        var match = Regex.Match(text, "^" + Regex.Escape(series) + " (\\S+)(?: -?[0-9]+)?\r?$", RegexOptions.Multiline);
        return match.Success ? double.Parse(match.Groups[1].Value, NumberStyles.Float, CultureInfo.InvariantCulture) : null;
    }

    /// <summary>The series' current value; 0 while it is absent (a counter not yet incremented is not exposed).</summary>
    public static async Task<double> ValueAsync(HttpClient client, string series)
    {
        var (response, text) = await ScrapeAsync(client);
        Assert.That((int)response.StatusCode, Is.EqualTo(200), text);
        return ValueOf(text, series) ?? 0;
    }

    /// <summary>Scrapes until the series' value exceeds <paramref name="before"/> or <paramref name="timeout"/> (default 3 s) passes.</summary>
    public static async Task<(HttpResponseMessage Response, string Text, double? Value)> ScrapeUntilAboveAsync(
        HttpClient client, string series, double before, TimeSpan? timeout = null)
    {
        var waited = Stopwatch.StartNew();
        while (true)
        {
            var (response, text) = await ScrapeAsync(client);
            var value = ValueOf(text, series);
            if (value > before || waited.Elapsed >= (timeout ?? TimeSpan.FromSeconds(3)))
            {
                return (response, text, value);
            }

            await Task.Delay(100);
        }
    }

    public static async Task<(HttpResponseMessage Response, string Text)> ScrapeAsync(HttpClient client)
    {
        ArgumentNullException.ThrowIfNull(client);
        var response = await client.GetAsync("/metrics");
        return (response, await response.Content.ReadAsStringAsync());
    }
}
