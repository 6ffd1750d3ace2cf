using System.Diagnostics;
using System.Net.Http.Json;
using NUnit.Framework;
using Platform.Api.Tests.Infrastructure;

namespace Platform.Api.Tests;

/// <summary>/metrics is valid Prometheus text exposition by the reference parser, promtool (build/test.sh installs it).</summary>
public sealed class MetricsExpositionTests : ApiTestBase
{
    [Test]
    public async Task Promtool_accepts_the_metrics_after_real_traffic_including_replays_and_conflicts()
    {
        var (_, token) = await SignUpAsync();
        using var client = Client(token);

        // Metrics live as long as the host, which this class's tests share: count what this test adds.
        const string replays = "platform_idempotency_replays_total{operation=\"CreateTicketCommand\"}";
        const string conflicts = "platform_idempotency_conflicts_total{operation=\"CreateTicketCommand\",reason=\"key_reused\"}";
        var replaysBefore = await MetricsScraper.ValueAsync(client, replays);
        var conflictsBefore = await MetricsScraper.ValueAsync(client, conflicts);

        for (var i = 0; i < 2; i++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/tickets") { Content = JsonContent.Create(new { subject = "Metrics", body = "x" }) };
            request.Headers.Add("Idempotency-Key", "metrics-key");
            await client.SendAsync(request);
        }

        using (var reused = new HttpRequestMessage(HttpMethod.Post, "/api/v1/tickets") { Content = JsonContent.Create(new { subject = "Other", body = "y" }) })
        {
            reused.Headers.Add("Idempotency-Key", "metrics-key");
            await client.SendAsync(reused);
        }

        await client.GetAsync("/api/v1/tickets?page_size=5");
        await client.GetAsync($"/api/v1/tickets/{Guid.NewGuid()}");

        // A request's duration is recorded as it ends, which can be just after the client has its response.
        HttpResponseMessage response;
        string text;
        var waited = Stopwatch.StartNew();
        do
        {
            response = await client.GetAsync("/metrics");
            text = await response.Content.ReadAsStringAsync();
        }
        while (!(text.Contains("http_response_status_code=\"404\"", StringComparison.Ordinal)
                 && MetricsScraper.ValueOf(text, replays) > replaysBefore
                 && MetricsScraper.ValueOf(text, conflicts) > conflictsBefore)
               && waited.Elapsed < TimeSpan.FromSeconds(5));
        var (exit, output) = await PromtoolCheckAsync(text);

        Assert.Multiple(() =>
        {
            Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("text/plain"));
            Assert.That(exit, Is.EqualTo(0), output + "\n" + text);
            // OpenTelemetry's semantic-convention label names (docs/operations.md, "Metrics endpoint").
            Assert.That(text, Does.Contain("http_server_request_duration_seconds_bucket{http_request_method=\"POST\",http_response_status_code=\"201\",http_route=\"/api/v1/tickets\""));
            Assert.That(text, Does.Contain("http_response_status_code=\"404\",http_route=\"/api/v1/tickets/{id:guid}\""));
            Assert.That(MetricsScraper.ValueOf(text, replays), Is.EqualTo(replaysBefore + 1), $"exactly one more replay (before: {replaysBefore})\n{text}");
            Assert.That(MetricsScraper.ValueOf(text, conflicts), Is.EqualTo(conflictsBefore + 1), $"exactly one more key_reused conflict (before: {conflictsBefore})\n{text}");
        });
    }

    [Test]
    public async Task The_outbox_metrics_of_the_Platform_meter_are_exposed_and_promtool_accepts_the_whole_output()
    {
        var (_, token) = await SignUpAsync();
        using var client = Client(token);
        var created = await client.PostAsync("/api/v1/tickets", JsonBody("""{"subject":"Outbox metrics","body":"b"}"""));
        Assert.That((int)created.StatusCode, Is.EqualTo(201));

        // The host's dispatcher handles the ticket's tickets.created message within moments; wait for its count.
        const string dispatched = "platform_outbox_dispatched_total{";
        HttpResponseMessage response;
        string text;
        var waited = Stopwatch.StartNew();
        do
        {
            await Task.Delay(100);
            (response, text) = await MetricsScraper.ScrapeAsync(client);
        }
        while (!text.Contains(dispatched, StringComparison.Ordinal) && waited.Elapsed < TimeSpan.FromSeconds(10));
        var (exit, output) = await PromtoolCheckAsync(text);

        // A series without labels is written with empty braces by the exporter: `platform_outbox_pending{} 0`.
        Assert.Multiple(() =>
        {
            Assert.That((int)response.StatusCode, Is.EqualTo(200));
            Assert.That(exit, Is.EqualTo(0), output + "\n" + text);
            Assert.That(text, Does.Contain("# TYPE platform_outbox_dispatched_total counter"));
            Assert.That(text, Does.Contain(dispatched + "outcome="), "dispatch outcomes are counted by outcome and type");
            Assert.That(text, Does.Contain("# TYPE platform_outbox_handler_duration_seconds histogram"));
            Assert.That(text, Does.Match("(?m)^platform_outbox_handler_duration_seconds_bucket\\{type=\"tickets.created\",le=\"0.005\"\\} "));
            Assert.That(text, Does.Match("(?m)^platform_outbox_pending(\\{\\})? [0-9]"));
            Assert.That(text, Does.Match("(?m)^platform_outbox_parked(\\{\\})? [0-9]"));
            Assert.That(text, Does.Match("(?m)^platform_outbox_oldest_pending_age_seconds(\\{\\})? [0-9]"));
            Assert.That(MetricsScraper.ValueOf(text, "platform_database_circuit_open{}"), Is.Zero, "the database is up");
            Assert.That(MetricsScraper.ValueOf(text, "platform_listener_connected{}"), Is.EqualTo(0).Or.EqualTo(1), "the listener's state is exposed");
        });
    }

    private static async Task<(int Exit, string Output)> PromtoolCheckAsync(string exposition)
    {
        var info = new ProcessStartInfo("promtool", "check metrics")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        Process process;
        try
        {
            process = Process.Start(info)!;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            Assert.Fail("promtool is not installed: run the tests with ./build/test.sh, which installs Debian's prometheus package.");
            throw;
        }

        using (process)
        {
            await process.StandardInput.WriteAsync(exposition);
            process.StandardInput.Close();
            var stdout = await process.StandardOutput.ReadToEndAsync();
            var stderr = await process.StandardError.ReadToEndAsync();
            await process.WaitForExitAsync();
            return (process.ExitCode, stdout + stderr);
        }
    }
}
