using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using NUnit.Framework;
using Platform.Api.Tests.Infrastructure;
using static Platform.Api.Tests.Infrastructure.ApiProcess;

namespace Platform.Api.Tests;

/// <summary>
/// Debian's Prometheus scraping a running API with the shipped alert rules, and Debian's Alertmanager sending to a
/// webhook receiver of the test's own: every dashboard query returns series and every alert expression evaluates;
/// then PostgreSQL is stopped and PlatformNotReady goes from pending to firing and reaches the receiver.
/// </summary>
[NonParallelizable]
public sealed partial class PrometheusAlertingProcessTests
{
    private readonly StringBuilder apiOutput = new();
    private readonly StringBuilder toolOutput = new();
    private readonly List<Process> tools = [];
    private PostgresCluster cluster = null!;
    private Process api = null!;
    private HttpClient apiHttp = null!;
    private HttpClient prometheus = null!;
    private WebhookReceiver receiver = null!;
    private string work = null!;

    [OneTimeSetUp]
    public async Task StartEverything()
    {
        work = Directory.CreateTempSubdirectory("platform-prometheus-").FullName;
        cluster = await PostgresCluster.StartNewAsync();
        var environment = Environment(cluster.ConnectionString, "Production");
        environment["Jobs__Enabled"] = "true";
        environment["Jobs__ClusterCheckinInterval"] = "00:00:02";
        environment["Jobs__IdempotencyCleanupInterval"] = "00:00:02";
        (api, apiHttp) = StartUnthrottled(environment, [KeyValuePair.Create("RateLimiting__Anonymous__PermitLimit", "5")], apiOutput);
        await WaitUntilServingAsync(apiHttp, api, apiOutput);

        receiver = WebhookReceiver.Start();
        var alertmanagerPort = FreePort();
        await File.WriteAllTextAsync(Path.Combine(work, "alertmanager.yml"), $$"""
            route:
              receiver: test
              group_wait: 1s
              group_interval: 1s
              repeat_interval: 1h
            receivers:
              - name: test
                webhook_configs:
                  - url: {{receiver.Url("/alerts")}}
                    send_resolved: false
            """);
        StartTool(
            "prometheus-alertmanager",
            "--config.file=" + Path.Combine(work, "alertmanager.yml"),
            "--storage.path=" + Path.Combine(work, "alertmanager-data"),
            $"--web.listen-address=127.0.0.1:{alertmanagerPort}",
            "--cluster.listen-address=");

        var prometheusPort = FreePort();
        await File.WriteAllTextAsync(Path.Combine(work, "prometheus.yml"), $$"""
            global:
              scrape_interval: 1s
              evaluation_interval: 1s
            rule_files:
              - {{RepositoryFiles.PathOf("build/deploy/prometheus/alerts.yml")}}
            alerting:
              alertmanagers:
                - static_configs:
                    - targets: ["127.0.0.1:{{alertmanagerPort}}"]
            scrape_configs:
              - job_name: platform-api
                static_configs:
                  - targets: ["{{apiHttp.BaseAddress!.Authority}}"]
            """);
        StartTool(
            "prometheus",
            "--config.file=" + Path.Combine(work, "prometheus.yml"),
            "--storage.tsdb.path=" + Path.Combine(work, "prometheus-data"),
            $"--web.listen-address=127.0.0.1:{prometheusPort}");
        prometheus = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{prometheusPort}"), Timeout = TimeSpan.FromSeconds(10) };
    }

    [OneTimeTearDown]
    public async Task StopEverything()
    {
        foreach (var tool in tools)
        {
            await StopAsync(tool);
        }

        if (api is not null)
        {
            await StopAsync(api);
        }

        apiHttp?.Dispose();
        prometheus?.Dispose();
        if (receiver is not null)
        {
            await receiver.DisposeAsync();
        }

        if (cluster is not null)
        {
            await cluster.DisposeAsync();
        }

        if (work is not null)
        {
            Directory.Delete(work, recursive: true);
        }
    }

    [Test, Order(1)]
    public async Task Every_dashboard_query_returns_series_and_every_alert_expression_evaluates()
    {
        await GenerateTrafficAsync();
        var dashboard = JsonNode.Parse(await File.ReadAllTextAsync(RepositoryFiles.PathOf("build/deploy/grafana/platform.json")))!;
        var queries = dashboard["panels"]!.AsArray()
            .SelectMany(p => p!["targets"]?.AsArray() ?? [])
            .Select(t => t!["expr"]!.GetValue<string>().Replace("$job", "platform-api", StringComparison.Ordinal))
            .ToList();
        var alerts = AlertExpressions(await File.ReadAllTextAsync(RepositoryFiles.PathOf("build/deploy/prometheus/alerts.yml")));
        Assert.That(queries, Has.Count.GreaterThanOrEqualTo(20), "the dashboard's queries were not found");
        Assert.That(alerts, Has.Count.GreaterThanOrEqualTo(14), "the alert expressions were not found");

        // Rates need two scrapes of a series: give every query until the deadline to return something.
        var empty = new List<string>();
        var waited = Stopwatch.StartNew();
        foreach (var query in queries)
        {
            while (true)
            {
                var result = await QueryAsync(query);
                Assert.That(StringOf(result, "status"), Is.EqualTo("success"), $"{query}\n{result}");
                if (result["data"]!["result"]!.AsArray().Count > 0)
                {
                    break;
                }

                if (waited.Elapsed > TimeSpan.FromSeconds(45))
                {
                    empty.Add(query);
                    break;
                }

                await Task.Delay(500);
            }
        }

        var failed = new List<string>();
        foreach (var expression in alerts)
        {
            var result = await QueryAsync(expression);
            if (StringOf(result, "status") != "success")
            {
                failed.Add($"{expression}: {result}");
            }
        }

        Assert.Multiple(() =>
        {
            Assert.That(empty, Is.Empty, "dashboard queries that returned no series against a running API");
            Assert.That(failed, Is.Empty, "alert expressions Prometheus could not evaluate");
        });
    }

    [Test, Order(2)]
    public async Task Stopping_PostgreSQL_makes_PlatformNotReady_fire_and_Alertmanager_deliver_it()
    {
        await cluster.StopAsync();
        try
        {
            // Requests that need the database open the circuit; keep some coming while the alert's 1 minute passes.
            using var load = new CancellationTokenSource();
            var traffic = Task.Run(async () =>
            {
                while (!load.IsCancellationRequested)
                {
                    try
                    {
                        await apiHttp.PostAsJsonAsync("/api/v1/auth/token", new { email = "a@example.com", password = "whatever it is" }, load.Token);
                        await Task.Delay(500, load.Token);
                    }
                    catch (Exception ex) when (ex is HttpRequestException or OperationCanceledException)
                    {
                        // Stopping.
                    }
                }
            });

            var sawPending = false;
            var waited = Stopwatch.StartNew();
            while (true)
            {
                var state = await AlertStateAsync("PlatformNotReady");
                sawPending |= state == "pending";
                if (state == "firing" && receiver.At("/alerts").Any(a => a.Body.Contains("\"alertname\":\"PlatformNotReady\"", StringComparison.Ordinal)))
                {
                    break;
                }

                Assert.That(waited.Elapsed, Is.LessThan(TimeSpan.FromSeconds(150)), $"PlatformNotReady did not fire and reach the receiver (state {state}).\n{Snapshot(toolOutput)}");
                await Task.Delay(1000);
            }

            await load.CancelAsync();
            await traffic;
            var delivered = JsonNode.Parse(receiver.At("/alerts").First(a => a.Body.Contains("PlatformNotReady", StringComparison.Ordinal)).Body)!;
            var alert = delivered["alerts"]!.AsArray().First(a => StringOf(a!["labels"], "alertname") == "PlatformNotReady")!;

            Assert.Multiple(() =>
            {
                Assert.That(sawPending, Is.True, "the alert waited out its 1 minute as pending first");
                Assert.That(StringOf(alert, "status"), Is.EqualTo("firing"));
                Assert.That(StringOf(alert["labels"], "severity"), Is.EqualTo("page"));
                Assert.That(StringOf(alert["labels"], "instance"), Is.EqualTo(apiHttp.BaseAddress!.Authority));
                Assert.That(StringOf(alert["annotations"], "runbook_url"), Is.EqualTo("https://platform.dev/runbooks/not-ready"));
            });
        }
        finally
        {
            await cluster.StartAsync();
        }
    }

    private static string? StringOf(JsonNode? node, string name) => node?[name]?.GetValue<string>();

    /// <summary>Every alert's expression: a one-line <c>expr:</c>, or the indented block after <c>expr: |</c>.</summary>
    private static List<string> AlertExpressions(string rules)
    {
        var expressions = new List<string>();
        var lines = rules.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var match = ExprLine().Match(lines[i]);
            if (!match.Success)
            {
                continue;
            }

            if (match.Groups[2].Value != "|")
            {
                expressions.Add(match.Groups[2].Value);
                continue;
            }

            var indent = match.Groups[1].Value.Length;
            var block = new StringBuilder();
            while (i + 1 < lines.Length && (lines[i + 1].Trim().Length == 0 || lines[i + 1].Length - lines[i + 1].TrimStart().Length > indent))
            {
                block.AppendLine(lines[++i].Trim());
            }

            expressions.Add(block.ToString().Trim());
        }

        return expressions;
    }

    private async Task GenerateTrafficAsync()
    {
        using var anonymous = new HttpClient { BaseAddress = apiHttp.BaseAddress };
        var registered = await apiHttp.PostAsJsonAsync("/api/v1/auth/register", new { email = "ops@example.com", password = ApiTestBase.Password, display_name = "Ops" });
        Assert.That((int)registered.StatusCode, Is.EqualTo(201), await registered.Content.ReadAsStringAsync());
        var token = (await (await apiHttp.PostAsJsonAsync("/api/v1/auth/token", new { email = "ops@example.com", password = ApiTestBase.Password, device_name = "test" }))
            .Content.ReadFromJsonAsync<JsonObject>())!["access_token"]!.GetValue<string>();
        using var signedIn = new HttpClient { BaseAddress = apiHttp.BaseAddress };
        signedIn.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        for (var i = 0; i < 5; i++)
        {
            await signedIn.PostAsJsonAsync("/api/v1/tickets", new { subject = $"Ticket {i}", body = "Traffic for Prometheus" });
            await signedIn.GetAsync($"/api/v1/tickets/{Guid.NewGuid()}");
        }

        // Anonymous reads past the tier's 5 make 429s, for the rejection panel.
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 8; i++)
        {
            statuses.Add((await anonymous.GetAsync("/api/v1/status/services")).StatusCode);
        }

        Assert.That(statuses, Has.Some.EqualTo(HttpStatusCode.TooManyRequests), "the anonymous tier refused some");
    }

    private async Task<JsonObject> QueryAsync(string query)
    {
        var response = await prometheus.GetAsync("/api/v1/query?query=" + Uri.EscapeDataString(query));
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!;
    }

    private async Task<string?> AlertStateAsync(string name)
    {
        var alerts = await prometheus.GetFromJsonAsync<JsonObject>("/api/v1/alerts");
        return alerts!["data"]!["alerts"]!.AsArray()
            .Where(a => StringOf(a!["labels"], "alertname") == name)
            .Select(a => StringOf(a, "state"))
            .OrderBy(s => s == "firing" ? 0 : 1)
            .FirstOrDefault();
    }

    private void StartTool(string file, params string[] arguments)
    {
        var info = new ProcessStartInfo(file)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = work,
        };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        Process process;
        try
        {
            process = Process.Start(info)!;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            Assert.Fail($"{file} is not installed: run the tests with ./build/test.sh, which installs Debian's prometheus and prometheus-alertmanager.");
            throw;
        }

        process.OutputDataReceived += (_, e) => Append(toolOutput, e.Data);
        process.ErrorDataReceived += (_, e) => Append(toolOutput, e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        tools.Add(process);
    }

    [GeneratedRegex(@"^(\s*)expr: (.+?)\s*$")]
    private static partial Regex ExprLine();
}
