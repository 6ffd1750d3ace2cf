using System.ComponentModel;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text;
using System.Text.Json.Nodes;
using NUnit.Framework;
using Platform.Testing;
using static Platform.Api.Tests.Infrastructure.ApiProcess;

namespace Platform.Api.Tests;

/// <summary>
/// The public status page in a real browser: Debian's headless Chromium, driven by tests/browser/status-page.mjs,
/// loads GET /status from the API running as its own process on a real TCP port (Chromium needs a listening socket,
/// which WebApplicationFactory's in-memory server does not have). Catches what HTML assertions cannot: a style sheet
/// the CSP blocks, a request that fails, text that is not visible, sideways scrolling on a phone, colours below
/// WCAG AA. The screenshots (desktop, phone, dark) are attached to the test result.
/// </summary>
/// <remarks>build/test.sh installs what this needs (build/lib/tools.sh ensure_chromium and ensure_browser_deps).</remarks>
public sealed class StatusPageBrowserTests
{
    private const string Password = "correct horse battery";
    private const string IncidentTitle = "Elevated API error rates";

    [Test]
    public async Task The_status_page_shows_the_seeded_state_in_chromium_without_errors_on_desktop_phone_and_dark()
    {
        var browserProject = Path.Combine(RepoRoot(), "tests", "browser");
        var script = Path.Combine(browserProject, "status-page.mjs");
        // The same default as status-page.mjs, which also honours CHROMIUM_PATH.
        var chromium = System.Environment.GetEnvironmentVariable("CHROMIUM_PATH") is { Length: > 0 } path ? path : "/usr/bin/chromium";
        if (!File.Exists(chromium))
        {
            Assert.Fail($"{chromium} is missing (Debian's chromium package). Run build/test.sh, which installs it.");
        }

        if (!File.Exists(Path.Combine(browserProject, "node_modules", "playwright-core", "package.json")))
        {
            Assert.Fail($"{browserProject}/node_modules is missing (npm ci). Run build/test.sh, which installs it.");
        }

        await using var database = await TestDatabase.CreateAsync("status_browser");
        var port = FreePort();
        var output = new StringBuilder();
        var environment = Environment(database.ConnectionString, "Production");
        environment["Bootstrap__AdminEmails"] = "root@example.com";
        using var api = Start(environment, output, "--urls", $"http://127.0.0.1:{port}");
        try
        {
            using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
            await WaitUntilServingAsync(http, api, output);
            await SeedAsync(http, database.ConnectionString);

            var screenshots = ScreenshotFolder();
            TestContext.Out.WriteLine($"Screenshots: {screenshots}");
            var desktop = Path.Combine(screenshots, "status-page.png");
            var (exit, stdout, stderr) = await RunNodeAsync(browserProject, script, $"http://127.0.0.1:{port}/status", desktop);
            Assert.That(exit, Is.EqualTo(0), $"status-page.mjs failed.\nstderr:\n{stderr}\nstdout:\n{stdout}\nAPI output:\n{Snapshot(output)}");
            var report = JsonNode.Parse(stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Last())!.AsObject();
            TestContext.Out.WriteLine(report.ToJsonString());

            var files = new[] { desktop, Sibling(desktop, "-phone"), Sibling(desktop, "-dark") };
            foreach (var file in files.Where(File.Exists))
            {
                TestContext.AddTestAttachment(file, Path.GetFileNameWithoutExtension(file));
            }

            var services = report["services"]!.AsArray()
                .Select(s => (Name: s!["name"]!.GetValue<string>(), Status: s["status"]!.GetValue<string>()))
                .ToList();
            Assert.Multiple(() =>
            {
                // One partial outage among operational services: "Minor Service Outage" (StatusRules.Overall).
                Assert.That(report["overall"]?.GetValue<string>(), Is.EqualTo("Minor Service Outage"));
                // Ungrouped services first, then each group by display order; the name is HTML-decoded by the browser.
                Assert.That(services, Is.EqualTo(new[]
                {
                    ("Billing & invoices", "Operational"),
                    ("API", "Partial outage"),
                    ("Web app", "Operational"),
                }));
                Assert.That(Strings(report, "incidents"), Is.EqualTo(new[] { IncidentTitle }));
                Assert.That(Strings(report, "consoleErrors"), Is.Empty, "console errors (CSP violations are reported here)");
                Assert.That(Strings(report, "pageErrors"), Is.Empty, "page errors");
                Assert.That(Strings(report, "failedRequests"), Is.Empty, "failed requests");
                Assert.That(report["phoneOverflowPx"]!.GetValue<int>(), Is.Zero, "the page scrolls sideways at 390 px");
                Assert.That(Strings(report, "contrastProblems"), Is.Empty, "text below WCAG AA contrast");
                foreach (var file in files)
                {
                    Assert.That(File.Exists(file) && new FileInfo(file).Length > 0, Is.True, $"screenshot {file} exists and is not empty");
                }
            });
        }
        finally
        {
            api.Kill(entireProcessTree: true);
            await api.WaitForExitAsync();
        }
    }

    /// <summary>
    /// Three services (two in the group "Core"), the API in partial outage, an incident on it with a second update,
    /// and a maintenance scheduled for later (so that section shows without changing any status).
    /// </summary>
    private static async Task SeedAsync(HttpClient http, string connectionString)
    {
        await PostAsync(http, "/api/v1/auth/register", new { email = "root@example.com", password = Password, display_name = "Root" });
        await VerifyEmailAsync(connectionString, "root@example.com");
        var token = (await PostAsync(http, "/api/v1/auth/token", new { email = "root@example.com", password = Password }, HttpStatusCode.OK))["access_token"]!.GetValue<string>();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);

        var api = await ServiceAsync(http, "api", "API", "Core", 1, "The public REST API");
        await ServiceAsync(http, "web", "Web app", "Core", 2, "The web application");
        var billing = await ServiceAsync(http, "billing", "Billing & invoices", null, 3, "");

        await PostAsync(http, $"/api/v1/status/services/{api}/events", new { status = "partial_outage", message = "Some requests fail" });
        var incident = await PostAsync(http, "/api/v1/status/incidents", new
        {
            title = IncidentTitle,
            status = "investigating",
            impact = "minor",
            affected_service_ids = new[] { api },
            message = "About 5% of API requests return errors. We are looking into it.",
        });
        await PostAsync(http, $"/api/v1/status/incidents/{incident["id"]!.GetValue<Guid>()}/updates", new
        {
            status = "identified",
            message = "A database failover is in progress; errors will stop when it completes.",
        });
        var start = DateTimeOffset.UtcNow.AddDays(2);
        await PostAsync(http, "/api/v1/status/maintenances", new
        {
            title = "Billing database upgrade",
            description = "Invoices may be delayed by a few minutes.",
            starts_at = start,
            ends_at = start.AddHours(1),
            affected_service_ids = new[] { billing },
        });
        http.DefaultRequestHeaders.Authorization = null;
    }

    private static async Task<Guid> ServiceAsync(HttpClient http, string slug, string name, string? group, int order, string description) =>
        (await PostAsync(http, "/api/v1/status/services", new { slug, name, description, group, display_order = order }))["id"]!.GetValue<Guid>();

    private static async Task<JsonObject> PostAsync(HttpClient http, string path, object body, HttpStatusCode expected = HttpStatusCode.Created)
    {
        using var response = await http.PostAsJsonAsync(path, body);
        var text = await response.Content.ReadAsStringAsync();
        Assert.That(response.StatusCode, Is.EqualTo(expected), $"POST {path}: {text}");
        return JsonNode.Parse(text)!.AsObject();
    }

    private static List<string> Strings(JsonObject report, string name) =>
        report[name]!.AsArray().Select(n => n!.GetValue<string>()).ToList();

    private static string Sibling(string png, string suffix) =>
        Path.Combine(Path.GetDirectoryName(png)!, Path.GetFileNameWithoutExtension(png) + suffix + ".png");

    private static async Task<(int Exit, string Stdout, string Stderr)> RunNodeAsync(string workingDirectory, params string[] args)
    {
        var info = new ProcessStartInfo("node")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        Process process;
        try
        {
            process = Process.Start(info)!;
        }
        catch (Win32Exception e)
        {
            Assert.Fail($"Could not start node ({e.Message}). Node.js 20+ must be on PATH; run build/test.sh.");
            throw;
        }

        using (process)
        {
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(150));
            try
            {
                await process.WaitForExitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                Assert.Fail("status-page.mjs did not finish within 150 s: " + await stderr);
            }

            return (process.ExitCode, await stdout, await stderr);
        }
    }

    /// <summary>
    /// Where the screenshots go: under PLATFORM_TEST_RESULTS (build/test.sh sets it to its results folder, which CI
    /// keeps), else under NUnit's work directory. They are also attached to the result, which copies them next to the
    /// .trx file.
    /// </summary>
    private static string ScreenshotFolder()
    {
        var results = System.Environment.GetEnvironmentVariable("PLATFORM_TEST_RESULTS");
        return Path.Combine(string.IsNullOrEmpty(results) ? TestContext.CurrentContext.WorkDirectory : results, "status-page-screenshots");
    }

    /// <summary>The folder holding Platform.sln, found by walking up from the test's output folder.</summary>
    private static string RepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Platform.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"No Platform.sln above {AppContext.BaseDirectory}");
    }
}
