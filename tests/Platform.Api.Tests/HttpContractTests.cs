using System.Text.Json.Nodes;
using NUnit.Framework;
using Platform.Api.Tests.Infrastructure;

namespace Platform.Api.Tests;

/// <summary>Request ids, trace ids, security and caching headers, the JSON shape, and CORS.</summary>
public sealed class HttpContractTests : ApiTestBase
{
    private const string AllowedOrigin = "https://app.example.com";

    protected override IDictionary<string, string?>? Settings => new Dictionary<string, string?>
    {
        ["Cors:AllowedOrigins:0"] = AllowedOrigin,
    };

    [Test]
    public async Task A_valid_X_Request_ID_is_echoed()
    {
        using var client = Client();
        var id = "abc.DEF_123:xyz-" + new string('9', 100);

        var response = await SendAsync(client, HttpMethod.Get, "/health", headers: new Dictionary<string, string> { ["X-Request-ID"] = id });

        Assert.That(Header(response, "X-Request-ID"), Is.EqualTo(id));
    }

    [TestCase("200-chars", TestName = "An_X_Request_ID_of_200_characters_is_replaced_with_a_new_one")]
    [TestCase("has spaces", TestName = "An_X_Request_ID_with_spaces_is_replaced_with_a_new_one")]
    [TestCase("semi;colon", TestName = "An_X_Request_ID_with_a_semicolon_is_replaced_with_a_new_one")]
    public async Task An_invalid_X_Request_ID_is_replaced(string kind)
    {
        using var client = Client();
        var incoming = kind == "200-chars" ? new string('a', 200) : kind;

        var response = await SendAsync(client, HttpMethod.Get, "/health", headers: new Dictionary<string, string> { ["X-Request-ID"] = incoming });
        var actual = Header(response, "X-Request-ID");

        Assert.Multiple(() =>
        {
            Assert.That(actual, Is.Not.Null.And.Not.EqualTo(incoming));
            Assert.That(actual, Does.Match("^[A-Za-z0-9._:-]{1,128}$"));
        });
    }

    [Test]
    public async Task Every_response_gets_a_fresh_X_Request_ID_when_none_is_sent()
    {
        using var client = Client();

        var first = Header(await client.GetAsync("/health"), "X-Request-ID");
        var second = Header(await client.GetAsync("/health"), "X-Request-ID");

        Assert.Multiple(() =>
        {
            Assert.That(first, Does.Match("^[A-Za-z0-9._:-]{1,128}$"));
            Assert.That(second, Is.Not.EqualTo(first));
        });
    }

    [Test]
    public async Task X_Trace_Id_is_a_32_hex_W3C_trace_id()
    {
        using var client = Client();

        var response = await client.GetAsync("/health");

        Assert.That(Header(response, "X-Trace-Id"), Does.Match("^[0-9a-f]{32}$").And.Not.EqualTo(new string('0', 32)));
    }

    [Test]
    public async Task An_incoming_traceparent_is_honoured_in_X_Trace_Id_and_in_problems()
    {
        using var client = Client();
        const string traceId = "4bf92f3577b34da6a3ce929d0e0e4736";
        var headers = new Dictionary<string, string> { ["traceparent"] = $"00-{traceId}-00f067aa0ba902b7-01" };

        var ok = await SendAsync(client, HttpMethod.Get, "/health", headers: headers);
        var problem = await SendAsync(client, HttpMethod.Get, "/api/v1/me", headers: headers);

        Assert.That(Header(ok, "X-Trace-Id"), Is.EqualTo(traceId));
        var body = await AssertProblemAsync(problem, 401, "auth.unauthorized");
        Assert.That(StringOf(body, "trace_id"), Is.EqualTo(traceId));
    }

    [Test]
    public async Task Security_headers_are_on_every_response()
    {
        var (_, token) = await SignUpAsync();
        using var anonymous = Client();
        using var authed = Client(token);
        var responses = new (string Name, int Status, HttpResponseMessage Response)[]
        {
            ("GET /health (200)", 200, await anonymous.GetAsync("/health")),
            ("GET /metrics (200)", 200, await anonymous.GetAsync("/metrics")),
            ("GET /openapi/v1.json (200)", 200, await anonymous.GetAsync("/openapi/v1.json")),
            ("GET /api/v1/me (200)", 200, await authed.GetAsync("/api/v1/me")),
            ("POST /api/v1/tickets (201)", 201, await authed.PostAsync("/api/v1/tickets", JsonBody("""{"subject":"s","body":"b"}"""))),
            ("GET /api/v1/me (401)", 401, await anonymous.GetAsync("/api/v1/me")),
            ("GET /nowhere (404)", 404, await anonymous.GetAsync("/nowhere")),
            ("POST malformed (400)", 400, await authed.PostAsync("/api/v1/tickets", JsonBody("{"))),
            ("POST text/plain (415)", 415, await authed.PostAsync("/api/v1/tickets", new StringContent("x"))),
        };

        Assert.Multiple(() =>
        {
            foreach (var (name, status, response) in responses)
            {
                // The headers below are only meaningful if each case really produced the status it is named for.
                Assert.That((int)response.StatusCode, Is.EqualTo(status), name);
                Assert.That(Header(response, "X-Content-Type-Options"), Is.EqualTo("nosniff"), name);
                Assert.That(Header(response, "Referrer-Policy"), Is.EqualTo("no-referrer"), name);
                Assert.That(Header(response, "X-Frame-Options"), Is.EqualTo("DENY"), name);
                Assert.That(Header(response, "Content-Security-Policy"), Does.Contain("default-src 'none'"), name);
                Assert.That(Header(response, "Cross-Origin-Opener-Policy"), Is.EqualTo("same-origin"), name);
                Assert.That(Header(response, "Server"), Is.Null, name);
                Assert.That(Header(response, "X-Request-ID"), Is.Not.Null, name);
                Assert.That(Header(response, "X-Trace-Id"), Is.Not.Null, name);
            }
        });
    }

    [Test]
    public async Task Authenticated_API_responses_are_private_no_cache()
    {
        var (_, token) = await SignUpAsync();
        using var client = Client(token);

        var created = await client.PostAsync("/api/v1/tickets", JsonBody("""{"subject":"s","body":"b"}"""));
        var id = IdOf(await JsonAsync(created));
        var responses = new[]
        {
            created,
            await client.GetAsync("/api/v1/me"),
            await client.GetAsync("/api/v1/tickets"),
            await client.GetAsync($"/api/v1/tickets/{id}"),
            await PatchAsync(client, $"/api/v1/tickets/{id}", """{"subject":"t"}"""),
        };

        Assert.Multiple(() =>
        {
            foreach (var response in responses)
            {
                var cacheControl = response.Headers.CacheControl;
                var name = $"{response.RequestMessage!.Method} {response.RequestMessage.RequestUri!.AbsolutePath} -> {(int)response.StatusCode}";
                Assert.That(cacheControl?.Private, Is.True, name);
                Assert.That(cacheControl?.NoCache, Is.True, name);
                Assert.That(cacheControl?.Public, Is.False, name);
                Assert.That(cacheControl?.MaxAge, Is.Null, name);
            }
        });
    }

    [Test]
    public async Task JSON_uses_snake_case_names_and_RFC_3339_UTC_timestamps_with_Z()
    {
        var (_, token) = await SignUpAsync();
        using var client = Client(token);
        var id = IdOf(await CreateTicketAsync(client));
        await client.PostAsync($"/api/v1/tickets/{id}/comments", JsonBody("""{"body":"hi"}"""));

        var documents = new[]
        {
            await JsonAsync(await client.GetAsync("/api/v1/me")),
            await JsonAsync(await client.GetAsync("/api/v1/tickets")),
            await JsonAsync(await client.GetAsync($"/api/v1/tickets/{id}/comments")),
        };

        var names = documents.SelectMany(d => PropertyNames(d)).Distinct().ToList();
        var timestamps = documents.SelectMany(d => TimestampValues(d)).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(names, Is.SupersetOf(new[] { "display_name", "created_at", "updated_at", "requester_id", "assignee_id", "page_size", "next_cursor", "ticket_id", "author_id" }));
            Assert.That(names, Has.All.Match("^[a-z][a-z0-9_]*$"));
            Assert.That(timestamps, Has.Count.GreaterThanOrEqualTo(4));
            Assert.That(timestamps, Has.All.Match(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$"));
        });
    }

    [Test]
    public async Task CORS_answers_an_allowed_origin_and_exposes_the_API_headers()
    {
        using var client = Client();
        var headers = new Dictionary<string, string> { ["Origin"] = AllowedOrigin };

        var response = await SendAsync(client, HttpMethod.Get, "/health", headers: headers);

        Assert.Multiple(() =>
        {
            Assert.That(Header(response, "Access-Control-Allow-Origin"), Is.EqualTo(AllowedOrigin));
            Assert.That(Header(response, "Access-Control-Expose-Headers"), Does.Contain("X-Request-ID").And.Contain("ETag"));
        });
    }

    [Test]
    public async Task CORS_preflight_from_an_allowed_origin_is_allowed()
    {
        using var client = Client();
        var headers = new Dictionary<string, string>
        {
            ["Origin"] = AllowedOrigin,
            ["Access-Control-Request-Method"] = "POST",
            ["Access-Control-Request-Headers"] = "authorization,content-type,idempotency-key",
        };

        var response = await SendAsync(client, HttpMethod.Options, "/api/v1/tickets", headers: headers);

        Assert.Multiple(() =>
        {
            Assert.That((int)response.StatusCode, Is.EqualTo(204));
            Assert.That(Header(response, "Access-Control-Allow-Origin"), Is.EqualTo(AllowedOrigin));
        });
    }

    [Test]
    public async Task CORS_ignores_an_origin_that_is_not_configured()
    {
        using var client = Client();

        var simple = await SendAsync(client, HttpMethod.Get, "/health", headers: new Dictionary<string, string> { ["Origin"] = "https://evil.example.com" });
        var preflight = await SendAsync(client, HttpMethod.Options, "/api/v1/tickets", headers: new Dictionary<string, string>
        {
            ["Origin"] = "https://evil.example.com",
            ["Access-Control-Request-Method"] = "POST",
        });

        Assert.Multiple(() =>
        {
            Assert.That(Header(simple, "Access-Control-Allow-Origin"), Is.Null);
            Assert.That(Header(preflight, "Access-Control-Allow-Origin"), Is.Null);
        });
    }

    private static IEnumerable<string> PropertyNames(JsonNode? node) => node switch
    {
        JsonObject o => o.SelectMany(p => PropertyNames(p.Value).Prepend(p.Key)),
        JsonArray a => a.SelectMany(PropertyNames),
        _ => [],
    };

    private static IEnumerable<string> TimestampValues(JsonNode? node) => node switch
    {
        JsonObject o => o.SelectMany(p => p.Key.EndsWith("_at", StringComparison.Ordinal) && p.Value is JsonValue v
            ? [v.GetValue<string>()]
            : TimestampValues(p.Value)),
        JsonArray a => a.SelectMany(TimestampValues),
        _ => [],
    };
}
