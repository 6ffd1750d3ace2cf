using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text;
using System.Text.Json.Nodes;
using NUnit.Framework;
using Platform.Infrastructure.Persistence;
using Platform.Testing;
using static Platform.Api.Tests.Infrastructure.ApiProcess;

namespace Platform.Api.Tests;

/// <summary>The API as an operator runs it: a real process, its exit codes, its stdout.</summary>
public sealed class ApiProcessTests
{
    [Test]
    public async Task The_migrate_command_applies_migrations_and_exits()
    {
        await using var database = await TestDatabase.CreateAsync("process_migrate");
        await using (var reset = database.DataSource.CreateCommand("DROP SCHEMA public CASCADE; CREATE SCHEMA public;"))
        {
            await reset.ExecuteNonQueryAsync();
        }

        var (exit, output) = await RunToExitAsync(Environment(database.ConnectionString, "Production"), "migrate");

        Assert.Multiple(async () =>
        {
            Assert.That(exit, Is.EqualTo(0), output);
            Assert.That(await database.CountAsync("schema_migrations"), Is.EqualTo(DatabaseMigrator.Embedded.Count));
            Assert.That(output, Does.Not.Contain("Now listening"), "migrate exits instead of serving");
        });
    }

    [Test]
    public async Task A_missing_connection_string_stops_the_process_naming_the_key()
    {
        var environment = Environment(null, "Production");

        var (exit, output) = await RunToExitAsync(environment);

        Assert.Multiple(() =>
        {
            Assert.That(exit, Is.Not.EqualTo(0));
            Assert.That(output, Does.Contain("ConnectionStrings:Platform"));
        });
    }

    [Test]
    public async Task Production_refuses_to_start_without_a_server_secret()
    {
        var environment = Environment("Host=127.0.0.1;Database=unused", "Production");
        environment["Auth__SecretKey"] = null;

        var (exit, output) = await RunToExitAsync(environment);

        Assert.Multiple(() =>
        {
            Assert.That(exit, Is.EqualTo(2));
            Assert.That(output, Does.Contain("Auth:SecretKey"));
        });
    }

    [Test]
    public async Task Production_refuses_to_start_without_a_webhook_secret_encryption_key()
    {
        var environment = Environment("Host=127.0.0.1;Database=unused", "Production");
        environment["Webhooks__SecretEncryptionKey"] = null;

        var (exit, output) = await RunToExitAsync(environment);

        Assert.Multiple(() =>
        {
            Assert.That(exit, Is.EqualTo(2));
            Assert.That(output, Does.Contain("Configuration error: Webhooks:SecretEncryptionKey is required outside Development"));
        });
    }

    [Test]
    public async Task A_webhook_secret_encryption_key_that_is_not_32_bytes_is_refused()
    {
        var environment = Environment("Host=127.0.0.1;Database=unused", "Production");
        environment["Webhooks__SecretEncryptionKey"] = Convert.ToBase64String(new byte[16]);

        var (exit, output) = await RunToExitAsync(environment);

        Assert.Multiple(() =>
        {
            Assert.That(exit, Is.EqualTo(2));
            Assert.That(output, Does.Contain("Webhooks:SecretEncryptionKey must be the base64 of exactly 32 random bytes"));
        });
    }

    [Test]
    public async Task Production_refuses_a_server_secret_shorter_than_32_bytes()
    {
        var environment = Environment("Host=127.0.0.1;Database=unused", "Production");
        environment["Auth__SecretKey"] = Convert.ToBase64String(new byte[16]);

        var (exit, output) = await RunToExitAsync(environment);

        Assert.Multiple(() =>
        {
            Assert.That(exit, Is.EqualTo(2));
            Assert.That(output, Does.Contain("Auth:SecretKey").And.Contain("32"));
        });
    }

    [Test]
    public async Task Production_refuses_to_start_without_a_signing_key()
    {
        var environment = Environment("Host=127.0.0.1;Database=unused", "Production");
        environment["Auth__SigningKeys__0__Id"] = null;
        environment["Auth__SigningKeys__0__PrivateKey"] = null;

        var (exit, output) = await RunToExitAsync(environment);

        Assert.Multiple(() =>
        {
            Assert.That(exit, Is.EqualTo(2));
            Assert.That(output, Does.Contain("Auth:SigningKeys"));
        });
    }

    [Test]
    public async Task Production_refuses_a_signing_key_that_is_not_an_ec_p256_private_key()
    {
        var environment = Environment("Host=127.0.0.1;Database=unused", "Production");
        environment["Auth__SigningKeys__0__PrivateKey"] = Convert.ToBase64String(new byte[64]);

        var (exit, output) = await RunToExitAsync(environment);

        Assert.Multiple(() =>
        {
            Assert.That(exit, Is.EqualTo(2));
            Assert.That(output, Does.Contain("Auth:SigningKeys:0"));
        });
    }

    [Test]
    public async Task Production_refuses_plain_http_cors_origins()
    {
        var environment = Environment("Host=127.0.0.1;Database=unused", "Production");
        environment["Cors__AllowedOrigins__0"] = "http://app.example.com";

        var (exit, output) = await RunToExitAsync(environment);

        Assert.Multiple(() =>
        {
            Assert.That(exit, Is.Not.EqualTo(0));
            Assert.That(output, Does.Contain("Cors:AllowedOrigins"));
        });
    }

    [Test]
    public async Task A_cors_origin_with_a_path_is_refused_because_browsers_would_never_match_it()
    {
        var environment = Environment("Host=127.0.0.1;Database=unused", "Production");
        environment["Cors__AllowedOrigins__0"] = "https://app.example.com/";

        var (exit, output) = await RunToExitAsync(environment);

        Assert.Multiple(() =>
        {
            Assert.That(exit, Is.EqualTo(2));
            Assert.That(output, Does.Contain("Configuration error").And.Contain("Cors:AllowedOrigins"));
        });
    }

    [Test]
    public async Task Request_logs_are_json_lines_with_request_trace_span_and_user_ids_and_no_secrets()
    {
        await using var database = await TestDatabase.CreateAsync("process_logs");
        var port = FreePort();
        var environment = Environment(database.ConnectionString, "Production");
        environment["Jobs__Enabled"] = "false";
        // A home of its own, to see what the instance writes there (nothing: it uses no ASP.NET Core data protection).
        var home = Directory.CreateTempSubdirectory("platform-home-");
        environment["HOME"] = home.FullName;
        // A level read from configuration (Serilog.Settings.Configuration): the pipeline's Debug line for a request.
        environment["Serilog__MinimumLevel__Override__Platform.Application.Common.Behaviours.LoggingBehaviour"] = "Debug";
        var output = new StringBuilder();
        using var process = Start(environment, output, "--urls", $"http://127.0.0.1:{port}");
        try
        {
            using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
            await WaitUntilServingAsync(http, process, output);
            const string password = "a secret that must not be logged";
            var registered = await http.PostAsJsonAsync("/api/v1/auth/register", new { email = "logs@example.com", password, display_name = "Logs" });
            Assert.That((int)registered.StatusCode, Is.EqualTo(201), await registered.Content.ReadAsStringAsync());
            var userId = (await registered.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<string>();
            var token = await http.PostAsJsonAsync("/api/v1/auth/token", new { email = "logs@example.com", password });
            Assert.That((int)token.StatusCode, Is.EqualTo(200), await token.Content.ReadAsStringAsync());
            var accessToken = (await token.Content.ReadFromJsonAsync<JsonObject>())!["access_token"]!.GetValue<string>();
            using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/me");
            request.Headers.Add("X-Request-ID", "log-check-42");
            request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", accessToken);
            var me = await http.SendAsync(request);
            var traceId = me.Headers.GetValues("X-Trace-Id").Single();

            // The request's log line is written as the request ends and reaches stdout asynchronously: wait for it.
            var line = await WaitForLogLineAsync(output, "log-check-42", RequestLogSource, TimeSpan.FromSeconds(10));
            var handled = await WaitForLogLineAsync(output, "log-check-42", PipelineLogSource, TimeSpan.FromSeconds(10));

            Assert.That(line, Is.Not.Null, Snapshot(output));
            // CLEF: the properties are top-level, next to @t, @mt/@m, @l, @tr and @sp.
            var properties = line!;
            Assert.Multiple(() =>
            {
                Assert.That(properties["trace_id"]!.GetValue<string>(), Is.EqualTo(traceId));
                Assert.That(properties["span_id"]!.GetValue<string>(), Has.Length.EqualTo(16));
                Assert.That(properties["user_id"]!.GetValue<string>(), Is.EqualTo(userId));
                Assert.That(Snapshot(output), Does.Not.Contain(password));
                Assert.That(Snapshot(output), Does.Not.Contain(accessToken));
                Assert.That(handled?["@m"]?.GetValue<string>(), Does.StartWith("Handled"), "the configured Debug override took effect");
                Assert.That(Directory.Exists(Path.Combine(home.FullName, ".aspnet", "DataProtection-Keys")), Is.False, "no data protection key ring is written at start-up");
            });
        }
        finally
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
            home.Delete(recursive: true);
        }
    }

    private const string RequestLogSource = "Serilog.AspNetCore.RequestLoggingMiddleware";

    private const string PipelineLogSource = "Platform.Application.Common.Behaviours.LoggingBehaviour";

    /// <summary>
    /// Polls the output until a JSON log line from <paramref name="source"/> has request_id equal to
    /// <paramref name="requestId"/>; null on timeout.
    /// </summary>
    private static async Task<JsonObject?> WaitForLogLineAsync(StringBuilder output, string requestId, string source, TimeSpan timeout)
    {
        var waited = Stopwatch.StartNew();
        while (true)
        {
            var line = Snapshot(output).Split('\n', StringSplitOptions.RemoveEmptyEntries)
                .Where(l => l.StartsWith('{'))
                .Select(l => JsonNode.Parse(l)!.AsObject())
                .FirstOrDefault(l => l["request_id"]?.GetValue<string>() == requestId && l["SourceContext"]?.GetValue<string>() == source);
            if (line is not null || waited.Elapsed >= timeout)
            {
                return line;
            }

            await Task.Delay(100);
        }
    }
}
