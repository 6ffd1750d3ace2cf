using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using NUnit.Framework;
using Platform.Api.Tests.Infrastructure;
using static Platform.Api.Tests.Infrastructure.ApiProcess;

namespace Platform.Api.Tests;

/// <summary>
/// The API as a real process against a PostgreSQL cluster of the test's own, which the tests stop and start under it:
/// shutdown with the database up and down, failing fast while it is down and recovering when it returns, what gets
/// logged, and refusing requests before their bodies are read on a real Kestrel.
/// </summary>
[NonParallelizable]
public sealed class FaultToleranceProcessTests
{
    private PostgresCluster cluster = null!;

    [OneTimeSetUp]
    public async Task StartCluster() => cluster = await PostgresCluster.StartNewAsync();

    [OneTimeTearDown]
    public async Task StopCluster()
    {
        if (cluster is not null)
        {
            await cluster.DisposeAsync();
        }
    }

    [Test]
    public async Task Sigterm_with_the_database_up_ends_the_process_within_5_seconds()
    {
        await using var api = await RunningApi.StartAsync(cluster, jobs: true);
        // Let the scheduler and the outbox dispatcher get going, so there is something to stop.
        await Task.Delay(TimeSpan.FromSeconds(2));
        Assert.That((await api.Http.PostAsJsonAsync("/api/v1/auth/register", Registration())).StatusCode, Is.EqualTo(HttpStatusCode.Created));

        var took = await api.TerminateAsync(TimeSpan.FromSeconds(30));

        await TestContext.Out.WriteLineAsync($"SIGTERM to exit, database up: {took.TotalSeconds:0.00} s");
        Assert.That(took, Is.LessThan(TimeSpan.FromSeconds(5)), api.Output);
    }

    [Test]
    public async Task Sigterm_with_the_database_down_ends_the_process_within_10_seconds()
    {
        await using var api = await RunningApi.StartAsync(cluster, jobs: true);
        await Task.Delay(TimeSpan.FromSeconds(2));
        try
        {
            await cluster.StopAsync();
            await api.WaitForReadinessAsync(HttpStatusCode.ServiceUnavailable, TimeSpan.FromSeconds(30));
            // Work in flight while it stops: writes that need the database.
            using var load = new CancellationTokenSource();
            var writers = Enumerable.Range(0, 4).Select(_ => Task.Run(async () =>
            {
                while (!load.IsCancellationRequested)
                {
                    try
                    {
                        await api.Http.PostAsJsonAsync("/api/v1/auth/register", Registration(), load.Token);
                    }
                    catch (Exception ex) when (ex is HttpRequestException or OperationCanceledException)
                    {
                        // The process is going away.
                    }
                }
            })).ToArray();
            await Task.Delay(500);

            var took = await api.TerminateAsync(TimeSpan.FromSeconds(40));
            await load.CancelAsync();
            await Task.WhenAll(writers);

            await TestContext.Out.WriteLineAsync($"SIGTERM to exit, database down: {took.TotalSeconds:0.00} s");
            Assert.That(took, Is.LessThan(TimeSpan.FromSeconds(10)), api.Output);
        }
        finally
        {
            await cluster.StartAsync();
        }
    }

    [Test]
    public async Task While_the_database_is_down_writes_fail_fast_and_the_first_write_after_it_returns_succeeds()
    {
        await using var api = await RunningApi.StartAsync(cluster, jobs: false);
        Assert.That((await api.Http.PostAsJsonAsync("/api/v1/auth/register", Registration())).StatusCode, Is.EqualTo(HttpStatusCode.Created));
        try
        {
            await cluster.StopAsync();
            var first = Stopwatch.StartNew();
            var firstResponse = await api.Http.PostAsJsonAsync("/api/v1/auth/register", Registration());
            first.Stop();
            Assert.That((int)firstResponse.StatusCode, Is.EqualTo(503));
            await api.WaitForReadinessAsync(HttpStatusCode.ServiceUnavailable, TimeSpan.FromSeconds(10));

            var slowest = TimeSpan.Zero;
            var token = ApiTestBase.CraftToken(Platform.Testing.TestKeys.PrimaryPem, Guid.NewGuid(), DateTimeOffset.UtcNow.AddMinutes(5), "agent");
            for (var i = 0; i < 6; i++)
            {
                using var request = i % 2 == 0
                    ? new HttpRequestMessage(HttpMethod.Post, "/api/v1/auth/register") { Content = JsonContent.Create(Registration()) }
                    : new HttpRequestMessage(HttpMethod.Post, "/api/v1/tickets") { Content = JsonContent.Create(new { subject = "Printer on fire", body = "Smoke is coming out of the printer." }) };
                request.Headers.Authorization = i % 2 == 0 ? null : new AuthenticationHeaderValue("Bearer", token);
                var started = Stopwatch.StartNew();
                var response = await api.Http.SendAsync(request);
                var took = started.Elapsed;
                slowest = took > slowest ? took : slowest;
                var problem = await response.Content.ReadFromJsonAsync<JsonObject>();
                Assert.Multiple(() =>
                {
                    Assert.That((int)response.StatusCode, Is.EqualTo(503), request.RequestUri!.ToString());
                    Assert.That(problem!["code"]!.GetValue<string>(), Is.EqualTo("dependency.unavailable"));
                    Assert.That(response.Headers.RetryAfter, Is.Not.Null);
                    Assert.That(took, Is.LessThan(TimeSpan.FromSeconds(1)), $"{request.RequestUri} took {took.TotalMilliseconds:0} ms");
                });
            }

            await cluster.StartAsync();
            var back = Stopwatch.StartNew();
            HttpStatusCode status;
            do
            {
                status = (await api.Http.PostAsJsonAsync("/api/v1/auth/register", Registration())).StatusCode;
                if (status != HttpStatusCode.Created)
                {
                    await Task.Delay(100);
                }
            }
            while (status != HttpStatusCode.Created && back.Elapsed < TimeSpan.FromSeconds(15));

            back.Stop();
            await TestContext.Out.WriteLineAsync(
                $"first write after the stop: {first.ElapsedMilliseconds} ms; slowest write while open: {slowest.TotalMilliseconds:0} ms; " +
                $"first successful write {back.ElapsedMilliseconds} ms after the cluster accepted connections again");
            Assert.Multiple(async () =>
            {
                Assert.That(status, Is.EqualTo(HttpStatusCode.Created), api.Output);
                Assert.That(back.Elapsed, Is.LessThan(TimeSpan.FromSeconds(3)));
                Assert.That((int)(await api.Http.GetAsync("/ready")).StatusCode, Is.EqualTo(200));
            });
        }
        finally
        {
            await cluster.StartAsync();
        }
    }

    [Test]
    public async Task Eight_parallel_registrations_of_one_email_give_one_201_and_seven_409s_and_log_no_error()
    {
        await using var api = await RunningApi.StartAsync(cluster, jobs: false);
        var registration = Registration();

        var responses = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => api.Http.PostAsJsonAsync("/api/v1/auth/register", registration)));
        await Task.Delay(TimeSpan.FromSeconds(1));

        var statuses = responses.Select(r => (int)r.StatusCode).Order().ToArray();
        var errors = api.LogLines().Where(l => l["Level"]?.GetValue<string>() is "Error" or "Fatal").ToArray();
        Assert.Multiple(() =>
        {
            Assert.That(statuses, Is.EqualTo(new[] { 201, 409, 409, 409, 409, 409, 409, 409 }));
            Assert.That(errors, Is.Empty, string.Join('\n', errors.Select(e => e.ToJsonString())));
        });
    }

    [Test]
    public async Task A_request_while_the_database_is_down_logs_at_most_one_warning_and_no_error()
    {
        await using var api = await RunningApi.StartAsync(cluster, jobs: false);
        try
        {
            await cluster.StopAsync();
            await api.WaitForReadinessAsync(HttpStatusCode.ServiceUnavailable, TimeSpan.FromSeconds(10));
            var from = api.LogLines().Count;

            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/auth/register") { Content = JsonContent.Create(Registration()) };
            request.Headers.Add("X-Request-ID", "outage-request-1");
            var response = await api.Http.SendAsync(request);
            await Task.Delay(TimeSpan.FromSeconds(1.5));

            var window = api.LogLines().Skip(from).ToArray();
            var mine = window.Where(l => l["Properties"]?["request_id"]?.GetValue<string>() == "outage-request-1").ToArray();
            Assert.Multiple(() =>
            {
                Assert.That((int)response.StatusCode, Is.EqualTo(503));
                Assert.That(mine.Count(l => l["Level"]?.GetValue<string>() == "Warning"), Is.LessThanOrEqualTo(1), Dump(mine));
                Assert.That(window.Where(l => l["Level"]?.GetValue<string>() is "Error" or "Fatal"), Is.Empty, Dump(window));
                Assert.That(mine.Where(l => l["Exception"] is not null), Is.Empty, "no stack traces for an expected outage: " + Dump(mine));
            });
        }
        finally
        {
            await cluster.StartAsync();
        }
    }

    [Test]
    public async Task Concurrent_requests_refused_before_their_body_is_read_end_cleanly()
    {
        await using var api = await RunningApi.StartAsync(cluster, jobs: false, ("RequestLimits__MaxBodyBytes", "16384"));
        var big = new string('x', 12_000);
        var tooBig = new string('x', 40_000);
        var kinds = new Func<HttpRequestMessage>[]
        {
            // 415 from the body middleware, before anything reads the body.
            () => new HttpRequestMessage(HttpMethod.Post, "/api/v1/auth/register") { Content = new StringContent(big, Encoding.UTF8, "text/plain") },
            // 413 by Content-Length, before anything reads the body.
            () => new HttpRequestMessage(HttpMethod.Post, "/api/v1/auth/register") { Content = new StringContent(tooBig, Encoding.UTF8, "application/json") },
            // 401 from authentication and authorisation, before the endpoint binds the body.
            () => new HttpRequestMessage(HttpMethod.Post, "/api/v1/tickets") { Content = new StringContent($"{{\"subject\":\"{big}\"}}", Encoding.UTF8, "application/json") },
            // 400: malformed JSON, read only up to the error.
            () => new HttpRequestMessage(HttpMethod.Post, "/api/v1/auth/register") { Content = new StringContent("{\"email\": " + big, Encoding.UTF8, "application/json") },
        };
        using var handler = new SocketsHttpHandler { MaxConnectionsPerServer = 32 };
        using var http = new HttpClient(handler) { BaseAddress = api.Http.BaseAddress };
        var statuses = new System.Collections.Concurrent.ConcurrentDictionary<int, int>();
        var failures = new System.Collections.Concurrent.ConcurrentBag<string>();
        var closes = 0;
        const int total = 4000;

        await Parallel.ForEachAsync(Enumerable.Range(0, total), new ParallelOptions { MaxDegreeOfParallelism = 32 }, async (i, ct) =>
        {
            using var request = kinds[i % kinds.Length]();
            try
            {
                using var response = await http.SendAsync(request, ct);
                statuses.AddOrUpdate((int)response.StatusCode, 1, (_, n) => n + 1);
                if (response.Headers.ConnectionClose == true)
                {
                    Interlocked.Increment(ref closes);
                }
            }
            catch (HttpRequestException ex)
            {
                failures.Add(ex.Message);
            }
        });
        await Task.Delay(TimeSpan.FromSeconds(1));

        await TestContext.Out.WriteLineAsync($"{total} refused requests: {string.Join(", ", statuses.OrderBy(s => s.Key).Select(s => $"{s.Key} x{s.Value}"))}; {failures.Count} transport failures");
        Assert.Multiple(() =>
        {
            Assert.That(statuses.Keys.Where(s => s >= 500), Is.Empty);
            Assert.That(statuses.Keys, Is.SubsetOf(new[] { 400, 401, 413, 415 }));
            Assert.That(failures, Is.Empty);
            Assert.That(closes, Is.EqualTo(total), "every refusal of a request with a body ends its connection");
            Assert.That(api.Output, Does.Not.Contain("Reading is already in progress").And.Not.Contain("ended abnormally"));
        });
    }

    private static object Registration() =>
        new { email = $"fault-{Guid.NewGuid():N}@example.com", password = "correct horse battery staple", display_name = "Fault" };

    private static string Dump(IEnumerable<JsonObject> lines) => string.Join('\n', lines.Select(l => l.ToJsonString()));

    /// <summary>One API process on a free port, with its output collected.</summary>
    private sealed class RunningApi : IAsyncDisposable
    {
        private readonly Process process;
        private readonly StringBuilder output;

        private RunningApi(Process process, StringBuilder output, HttpClient http)
        {
            this.process = process;
            this.output = output;
            Http = http;
        }

        public HttpClient Http { get; }

        public string Output => Snapshot(output);

        public static async Task<RunningApi> StartAsync(PostgresCluster cluster, bool jobs, params (string Key, string Value)[] settings)
        {
            var environment = Environment(cluster.ConnectionString, "Production");
            environment["Jobs__Enabled"] = jobs ? "true" : "false";
            environment["Jobs__ClusterCheckinInterval"] = "00:00:02";
            var output = new StringBuilder();
            var (process, http) = StartUnthrottled(environment, settings.Select(s => KeyValuePair.Create(s.Key, s.Value)), output);
            var api = new RunningApi(process, output, http);
            await WaitUntilServingAsync(http, process, output);
            await api.WaitForReadinessAsync(HttpStatusCode.OK, TimeSpan.FromSeconds(30));
            return api;
        }

        public async Task WaitForReadinessAsync(HttpStatusCode wanted, TimeSpan timeout)
        {
            var waited = Stopwatch.StartNew();
            while (true)
            {
                try
                {
                    if ((await Http.GetAsync("/ready")).StatusCode == wanted)
                    {
                        return;
                    }
                }
                catch (HttpRequestException)
                {
                    // Not answering yet.
                }

                if (waited.Elapsed > timeout)
                {
                    Assert.Fail($"/ready did not become {(int)wanted} within {timeout.TotalSeconds} s: {Output}");
                }

                await Task.Delay(200);
            }
        }

        /// <summary>Sends SIGTERM and returns how long the process took to exit.</summary>
        public async Task<TimeSpan> TerminateAsync(TimeSpan limit)
        {
            var took = Stopwatch.StartNew();
            using (var kill = Process.Start("kill", ["-TERM", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
            {
                await kill.WaitForExitAsync();
            }

            using var timeout = new CancellationTokenSource(limit);
            try
            {
                await process.WaitForExitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                Assert.Fail($"The process did not exit within {limit.TotalSeconds} s of SIGTERM: {Output}");
            }

            return took.Elapsed;
        }

        /// <summary>The JSON log lines written so far.</summary>
        public List<JsonObject> LogLines()
        {
            var lines = new List<JsonObject>();
            foreach (var line in Output.Split('\n', StringSplitOptions.RemoveEmptyEntries))
            {
                if (!line.StartsWith('{'))
                {
                    continue;
                }

                try
                {
                    lines.Add(JsonNode.Parse(line)!.AsObject());
                }
                catch (System.Text.Json.JsonException)
                {
                    // A line cut short by the process exiting.
                }
            }

            return lines;
        }

        public async ValueTask DisposeAsync()
        {
            Http.Dispose();
            await ApiProcess.StopAsync(process);
        }
    }
}
