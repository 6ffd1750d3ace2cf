using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Npgsql;
using NUnit.Framework;
using Platform.Api.Tests.Infrastructure;
using Platform.Testing;
using static Platform.Api.Tests.Infrastructure.ApiProcess;

namespace Platform.Api.Tests;

/// <summary>
/// build/backup.sh and build/restore.sh as an operator runs them: a database populated through the API is dumped,
/// restored into a fresh database (the original is dropped first), and the API started on the copy serves the same
/// tickets, sessions and status history, and the sessions still refresh.
/// </summary>
public sealed class BackupRestoreProcessTests
{
    private const string AdminEmail = "backup-admin@example.com";
    private const string Password = "correct horse battery staple";

    [Test]
    public async Task A_restored_backup_serves_the_same_tickets_sessions_and_status_history()
    {
        var source = await TestDatabase.CreateAsync("backup_source");
        var sourceDropped = false;
        var restoredName = $"platform_test_backup_restored_{System.Environment.ProcessId}";
        var restored = new NpgsqlConnectionStringBuilder(TestDatabase.ServerConnectionString) { Database = restoredName, Pooling = false }.ConnectionString;
        var dump = Path.Combine(Directory.CreateTempSubdirectory("platform-backup.").FullName, "platform.dump");
        try
        {
            string accessToken, refreshToken;
            Dictionary<string, string> before;
            await using (var api = await ApiOn.StartAsync(source.ConnectionString))
            {
                (accessToken, refreshToken) = await PopulateAsync(api.Http, source.ConnectionString);
                before = await ReadBackAsync(api.Http, accessToken);
            }

            var (backupExit, backupOutput) = await RepositoryFiles.RunScriptAsync("build/backup.sh", ScriptEnvironment(source.ConnectionString), dump);
            Assert.That(backupExit, Is.EqualTo(0), backupOutput);
            Assert.That(File.Exists(dump + ".partial"), Is.False, "no partial file is left behind");

            // The copy must stand on its own: the original is gone before the restore.
            await source.DisposeAsync();
            sourceDropped = true;
            await ServerCommandAsync($"DROP DATABASE IF EXISTS \"{restoredName}\" WITH (FORCE)");
            await ServerCommandAsync($"CREATE DATABASE \"{restoredName}\"");
            var (restoreExit, restoreOutput) = await RepositoryFiles.RunScriptAsync("build/restore.sh", ScriptEnvironment(restored), dump);
            Assert.That(restoreExit, Is.EqualTo(0), restoreOutput);

            await using (var api = await ApiOn.StartAsync(restored))
            {
                var after = await ReadBackAsync(api.Http, accessToken);
                Assert.Multiple(() =>
                {
                    Assert.That(after.Keys, Is.EquivalentTo(before.Keys));
                    foreach (var (read, body) in before)
                    {
                        Assert.That(after[read], Is.EqualTo(body), read);
                    }
                });

                // The sessions are real ones: the refresh token issued before the backup still exchanges.
                var refreshed = await api.Http.PostAsJsonAsync("/api/v1/auth/refresh", new { refresh_token = refreshToken });
                Assert.That((int)refreshed.StatusCode, Is.EqualTo(200), await refreshed.Content.ReadAsStringAsync());
            }

            // A second restore into the now populated database is refused rather than mixed in.
            var (againExit, againOutput) = await RepositoryFiles.RunScriptAsync("build/restore.sh", ScriptEnvironment(restored), dump);
            Assert.That(againExit, Is.Not.EqualTo(0), againOutput);
            Assert.That(againOutput, Does.Contain("already has"));
        }
        finally
        {
            if (!sourceDropped)
            {
                await source.DisposeAsync();
            }

            await ServerCommandAsync($"DROP DATABASE IF EXISTS \"{restoredName}\" WITH (FORCE)");
            Directory.Delete(Path.GetDirectoryName(dump)!, recursive: true);
        }
    }

    /// <summary>Two sessions, tickets with a status change and a comment, a service with status history and an incident.</summary>
    private static async Task<(string AccessToken, string RefreshToken)> PopulateAsync(HttpClient http, string connectionString)
    {
        await SendAsync(http, HttpMethod.Post, "/api/v1/auth/register", null, new { email = AdminEmail, password = Password, display_name = "Backup admin" }, 201);
        await ApiProcess.VerifyEmailAsync(connectionString, AdminEmail);
        var first = await SendAsync(http, HttpMethod.Post, "/api/v1/auth/token", null, new { email = AdminEmail, password = Password }, 200);
        var second = await SendAsync(http, HttpMethod.Post, "/api/v1/auth/token", null, new { email = AdminEmail, password = Password }, 200);
        var token = second["access_token"]!.GetValue<string>();

        var printer = await SendAsync(http, HttpMethod.Post, "/api/v1/tickets", token, new { subject = "Printer on fire", body = "Third floor.", priority = "high" }, 201);
        var vpn = await SendAsync(http, HttpMethod.Post, "/api/v1/tickets", token, new { subject = "VPN drops", body = "Every hour.", priority = "low" }, 201);
        await SendAsync(http, HttpMethod.Patch, $"/api/v1/tickets/{printer["id"]}", token, new { status = "resolved" }, 200);
        await SendAsync(http, HttpMethod.Post, $"/api/v1/tickets/{vpn["id"]}/comments", token, new { body = "Seen it too." }, 201);

        var service = await SendAsync(http, HttpMethod.Post, "/api/v1/status/services", token, new { slug = "api", name = "API" }, 201);
        await SendAsync(http, HttpMethod.Post, $"/api/v1/status/services/{service["id"]}/events", token, new { status = "degraded_performance", message = "Slow." }, 201);
        await SendAsync(http, HttpMethod.Post, $"/api/v1/status/services/{service["id"]}/events", token, new { status = "operational", message = "Recovered." }, 201);
        await SendAsync(http, HttpMethod.Post, "/api/v1/status/incidents", token, new
        {
            title = "Elevated errors",
            status = "investigating",
            impact = "minor",
            affected_service_ids = new[] { service["id"]!.GetValue<string>() },
            message = "Looking into it.",
        }, 201);

        return (token, first["refresh_token"]!.GetValue<string>());
    }

    /// <summary>The bodies of the reads an operator would check after a restore, keyed by route.</summary>
    private static async Task<Dictionary<string, string>> ReadBackAsync(HttpClient http, string token)
    {
        var reads = new Dictionary<string, string>();
        async Task<JsonNode> Read(string route)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, route);
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            using var response = await http.SendAsync(request);
            var body = await response.Content.ReadAsStringAsync();
            Assert.That((int)response.StatusCode, Is.EqualTo(200), $"GET {route}: {body}");
            reads[route] = body;
            return JsonNode.Parse(body)!;
        }

        var tickets = (await Read("/api/v1/tickets"))["items"]!.AsArray();
        Assert.That(tickets, Has.Count.EqualTo(2));
        foreach (var ticket in tickets)
        {
            await Read($"/api/v1/tickets/{ticket!["id"]}");
            await Read($"/api/v1/tickets/{ticket["id"]}/comments");
        }

        var sessions = await Read("/api/v1/auth/sessions");
        Assert.That(sessions["items"]!.AsArray(), Has.Count.EqualTo(2), "both sign-ins are sessions");
        var services = (await Read("/api/v1/status/services"))["items"]!.AsArray();
        Assert.That(services, Has.Count.EqualTo(1));
        var events = await Read($"/api/v1/status/services/{services[0]!["id"]}/events");
        Assert.That(events.ToJsonString(), Does.Contain("degraded_performance").And.Contain("Recovered."));
        await Read("/api/v1/status/incidents");
        return reads;
    }

    private static async Task<JsonObject> SendAsync(HttpClient http, HttpMethod method, string route, string? token, object body, int expected)
    {
        using var request = new HttpRequestMessage(method, route) { Content = JsonContent.Create(body) };
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        using var response = await http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        Assert.That((int)response.StatusCode, Is.EqualTo(expected), $"{method} {route}: {text}");
        return JsonNode.Parse(text)!.AsObject();
    }

    /// <summary>The scripts get the service's own setting, and no libpq variables of the test run's.</summary>
    private static Dictionary<string, string?> ScriptEnvironment(string connectionString) => new()
    {
        ["ConnectionStrings__Platform"] = connectionString,
        ["PGHOST"] = null,
        ["PGPORT"] = null,
        ["PGDATABASE"] = null,
        ["PGUSER"] = null,
        ["PGPASSWORD"] = null,
    };

    private static async Task ServerCommandAsync(string sql)
    {
        await using var server = NpgsqlDataSource.Create(new NpgsqlConnectionStringBuilder(TestDatabase.ServerConnectionString) { Pooling = false }.ConnectionString);
        await using var command = server.CreateCommand(sql);
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>The API as a process in Production on one database, stopped (and waited for) on dispose.</summary>
    private sealed class ApiOn : IAsyncDisposable
    {
        private readonly Process process;

        private ApiOn(Process process, HttpClient http)
        {
            this.process = process;
            Http = http;
        }

        public HttpClient Http { get; }

        public static async Task<ApiOn> StartAsync(string connectionString)
        {
            var port = FreePort();
            var environment = Environment(connectionString, "Production");
            environment["Bootstrap__AdminEmails"] = AdminEmail;
            environment["RateLimiting__Auth__PermitLimit"] = "1000";
            var output = new StringBuilder();
            var process = Start(environment, output, "--urls", $"http://127.0.0.1:{port}");
            var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromSeconds(30) };
            var api = new ApiOn(process, http);
            try
            {
                await WaitUntilServingAsync(http, process, output);
            }
            catch
            {
                await api.DisposeAsync();
                throw;
            }

            return api;
        }

        public async ValueTask DisposeAsync()
        {
            Http.Dispose();
            await ApiProcess.StopAsync(process);
        }
    }
}
