using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using NUnit.Framework;
using Platform.Api.Tests.Infrastructure;
using Platform.Testing;

namespace Platform.Api.Tests;

/// <summary>
/// Logs reach Seq through Serilog.Sinks.Seq (here a local stand-in for Seq's ingestion API): one CLEF request line per
/// request, correlated with the response headers, and never a password, token or server secret.
/// </summary>
public sealed class RequestLoggingTests : ApiTestBase
{
    private const string ApiKey = "test-seq-api-key";
    private const string RequestTemplate = "HTTP {RequestMethod} {RequestPath} responded {StatusCode} in {Elapsed:0.0000} ms";
    private static readonly TimeSpan Arrival = TimeSpan.FromSeconds(10);

    private FakeSeqServer? seq;

    protected override IDictionary<string, string?>? Settings
    {
        get
        {
            seq ??= FakeSeqServer.Start();
            return new Dictionary<string, string?>
            {
                ["Seq:ServerUrl"] = seq.Url.ToString(),
                ["Seq:ApiKey"] = ApiKey,
                ["Seq:Period"] = "00:00:00.100",
            };
        }
    }

    private FakeSeqServer Seq => seq ?? throw new InvalidOperationException("The host has not started.");

    [OneTimeTearDown]
    public async Task StopSeq()
    {
        if (seq is not null)
        {
            await seq.DisposeAsync();
        }
    }

    [Test]
    public async Task Events_reach_Seq_with_the_API_key_and_the_request_line_carries_the_response_ids_and_no_secrets()
    {
        const string password = "a password that must never be logged";
        var email = $"seq-{Guid.NewGuid():N}@example.com";
        using var anonymous = Client();
        var registered = await anonymous.PostAsJsonAsync("/api/v1/auth/register", new { email, password, display_name = "Seq" });
        Assert.That((int)registered.StatusCode, Is.EqualTo(201), await registered.Content.ReadAsStringAsync());
        var userId = (await registered.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<string>();
        var signedIn = await anonymous.PostAsJsonAsync("/api/v1/auth/token", new { email, password });
        var tokens = (await signedIn.Content.ReadFromJsonAsync<JsonObject>())!;
        var accessToken = tokens["access_token"]!.GetValue<string>();
        var refreshToken = tokens["refresh_token"]!.GetValue<string>();
        var refreshed = await anonymous.PostAsJsonAsync("/api/v1/auth/refresh", new { refresh_token = refreshToken });
        Assert.That((int)refreshed.StatusCode, Is.EqualTo(200), await refreshed.Content.ReadAsStringAsync());
        var newRefreshToken = (await refreshed.Content.ReadFromJsonAsync<JsonObject>())!["refresh_token"]!.GetValue<string>();

        using var me = new HttpRequestMessage(HttpMethod.Get, "/api/v1/me");
        me.Headers.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        var response = await anonymous.SendAsync(me);
        Assert.That((int)response.StatusCode, Is.EqualTo(200));
        var requestId = response.Headers.GetValues("X-Request-ID").Single();
        var traceId = response.Headers.GetValues("X-Trace-Id").Single();

        var line = await Seq.WaitForAsync(e => IsRequestLine(e) && StringOf(e, "request_id") == requestId, Arrival);

        Assert.That(line, Is.Not.Null, $"no request line for {requestId} among {Seq.Events.Count} events");
        var everything = string.Join('\n', Seq.Bodies);
        Assert.Multiple(() =>
        {
            Assert.That(StringOf(line, "trace_id"), Is.EqualTo(traceId));
            Assert.That(StringOf(line, "@tr"), Is.EqualTo(traceId), "Serilog's own trace id agrees");
            Assert.That(StringOf(line, "user_id"), Is.EqualTo(userId));
            Assert.That(StringOf(line, "route"), Is.EqualTo("/api/v1/me"));
            Assert.That(Seq.ApiKeys, Is.Not.Empty.And.All.EqualTo(ApiKey));
            Assert.That(everything, Does.Not.Contain(password));
            Assert.That(everything, Does.Not.Contain(accessToken));
            Assert.That(everything, Does.Not.Contain(refreshToken));
            Assert.That(everything, Does.Not.Contain(newRefreshToken));
            Assert.That(everything, Does.Not.Contain(TestKeys.SecretKey));
        });
    }

    [Test]
    public async Task A_404_problem_has_one_request_line_with_the_route_template_status_and_problem_code()
    {
        var (_, token) = await SignUpAsync();
        using var client = Client(token);
        client.DefaultRequestHeaders.Add("X-Request-ID", $"seq-404-{Guid.NewGuid():N}");

        var response = await client.GetAsync($"/api/v1/tickets/{Guid.NewGuid()}");
        await AssertProblemAsync(response, 404, "tickets.not_found");
        var requestId = response.Headers.GetValues("X-Request-ID").Single();

        var line = await Seq.WaitForAsync(e => IsRequestLine(e) && StringOf(e, "request_id") == requestId, Arrival);

        Assert.That(line, Is.Not.Null, $"no request line for {requestId}");
        var lines = Seq.Events.Where(e => IsRequestLine(e) && StringOf(e, "request_id") == requestId).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(lines, Has.Count.EqualTo(1), "exactly one request line per request");
            Assert.That(StringOf(line, "route"), Is.EqualTo("/api/v1/tickets/{id:guid}"));
            Assert.That(StringOf(line, "RequestMethod"), Is.EqualTo("GET"));
            Assert.That(line!["StatusCode"]?.GetValue<int>(), Is.EqualTo(404));
            Assert.That(line["Elapsed"]?.GetValue<double>(), Is.GreaterThan(0));
            Assert.That(StringOf(line, "code"), Is.EqualTo("tickets.not_found"));
            Assert.That(StringOf(line, "trace_id"), Is.EqualTo(response.Headers.GetValues("X-Trace-Id").Single()));
            Assert.That(
                Seq.Events.Where(e => StringOf(e, "SourceContext")?.StartsWith("Microsoft.AspNetCore.Hosting", StringComparison.Ordinal) == true),
                Is.Empty,
                "ASP.NET Core's own request lines stay off");
        });
    }

    private static bool IsRequestLine(JsonObject e) => StringOf(e, "@mt") == RequestTemplate;
}
