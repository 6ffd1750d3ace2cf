using System.Net.Http.Json;
using System.Text;
using NUnit.Framework;
using Platform.Api.Tests.Infrastructure;

namespace Platform.Api.Tests;

/// <summary>Every error is RFC 9457 problem details with code, request_id and trace_id (AssertProblemAsync checks the shape).</summary>
public sealed class ProblemDetailsTests : ApiTestBase
{
    [Test]
    public async Task A_validation_failure_is_a_400_problem_with_errors_mapping_snake_case_fields_to_message_arrays()
    {
        var (_, token) = await SignUpAsync();
        using var client = Client(token);

        var response = await client.PostAsync("/api/v1/tickets", JsonBody("""{"subject":"","body":""}"""));

        var problem = await AssertProblemAsync(response, 400, "validation.failed");
        var errors = problem["errors"]!.AsObject();
        Assert.Multiple(() =>
        {
            Assert.That(errors.Select(e => e.Key), Is.EquivalentTo(new[] { "subject", "body" }));
            Assert.That(errors.Select(e => e.Value!.AsArray().Count), Has.All.GreaterThan(0));
            Assert.That(errors["subject"]!.AsArray().Select(m => m!.GetValue<string>()), Has.All.Not.Empty);
            Assert.That(StringOf(problem, "type"), Does.Contain("validation.failed"));
        });
    }

    [Test]
    public async Task Malformed_JSON_is_a_400_request_malformed_problem()
    {
        var (_, token) = await SignUpAsync();
        using var client = Client(token);

        var response = await client.PostAsync("/api/v1/tickets", JsonBody("""{"subject": "Printer", "body": """));

        await AssertProblemAsync(response, 400, "request.malformed");
    }

    [Test]
    public async Task JSON_of_the_wrong_shape_is_a_400_request_malformed_problem()
    {
        var (_, token) = await SignUpAsync();
        using var client = Client(token);

        var response = await client.PostAsync("/api/v1/tickets", JsonBody("""{"subject": ["Printer"], "body": 42}"""));

        await AssertProblemAsync(response, 400, "request.malformed");
    }

    [Test]
    public async Task Unknown_JSON_properties_are_ignored()
    {
        var (_, token) = await SignUpAsync();
        using var client = Client(token);

        var response = await client.PostAsync("/api/v1/tickets", JsonBody("""{"subject":"Printer","body":"On fire","colour":"red"}"""));

        Assert.That((int)response.StatusCode, Is.EqualTo(201), await response.Content.ReadAsStringAsync());
    }

    [Test]
    public async Task A_missing_token_is_a_401_problem()
    {
        using var client = Client();

        var response = await client.GetAsync("/api/v1/tickets");

        await AssertProblemAsync(response, 401, "auth.unauthorized");
    }

    [Test]
    public async Task A_forbidden_action_on_a_visible_resource_is_a_403_problem()
    {
        var (_, token) = await SignUpAsync();
        using var client = Client(token);
        var id = IdOf(await CreateTicketAsync(client));

        var response = await PatchAsync(client, $"/api/v1/tickets/{id}", """{"status":"pending"}""");

        await AssertProblemAsync(response, 403, "tickets.forbidden");
    }

    [Test]
    public async Task An_unknown_resource_is_a_404_problem()
    {
        var (_, token) = await SignUpAsync();
        using var client = Client(token);

        var response = await client.GetAsync($"/api/v1/tickets/{Guid.CreateVersion7()}/comments");

        await AssertProblemAsync(response, 404, "tickets.not_found");
    }

    [TestCase("/api/v1/nothing-here")]
    [TestCase("/api/v1/tickets/not-a-guid")]
    [TestCase("/definitely/not/a/route")]
    public async Task An_unknown_route_is_a_404_route_not_found_problem(string path)
    {
        var (_, token) = await SignUpAsync();
        using var client = Client(token);

        var response = await client.GetAsync(path);

        await AssertProblemAsync(response, 404, "route.not_found");
    }

    [Test]
    public async Task A_method_the_route_does_not_accept_is_a_405_problem()
    {
        var (_, token) = await SignUpAsync();
        using var client = Client(token);

        var response = await client.DeleteAsync("/api/v1/tickets");

        await AssertProblemAsync(response, 405, "route.method_not_allowed");
    }

    [Test]
    public async Task A_conflict_is_a_409_problem()
    {
        using var client = Client();
        await client.PostAsJsonAsync("/api/v1/auth/register", new { email = "dup@example.com", password = Password, display_name = "Dup" });

        var response = await client.PostAsJsonAsync("/api/v1/auth/register", new { email = "dup@example.com", password = Password, display_name = "Dup" });

        await AssertProblemAsync(response, 409, "auth.email_taken");
    }

    [Test]
    public async Task A_failed_precondition_is_a_412_problem()
    {
        var (_, token) = await SignUpAsync();
        using var client = Client(token);
        var id = IdOf(await CreateTicketAsync(client));

        var response = await PatchAsync(client, $"/api/v1/tickets/{id}", """{"subject":"x"}""", ifMatch: "\"v7\"");

        await AssertProblemAsync(response, 412, "precondition.failed");
    }

    [Test]
    public async Task A_body_over_1_MiB_is_a_413_request_too_large_problem()
    {
        var (_, token) = await SignUpAsync();
        using var client = Client(token);
        var json = $$"""{"subject":"Big","body":"{{new string('x', 1024 * 1024)}}"}""";

        var response = await client.PostAsync("/api/v1/tickets", JsonBody(json));

        await AssertProblemAsync(response, 413, "request.too_large");
        Assert.That(await Database.CountAsync("tickets"), Is.Zero);
    }

    [Test]
    public async Task A_text_plain_body_is_a_415_unsupported_media_type_problem()
    {
        var (_, token) = await SignUpAsync();
        using var client = Client(token);

        var response = await client.PostAsync("/api/v1/tickets", new StringContent("""{"subject":"Printer","body":"On fire"}""", Encoding.UTF8, "text/plain"));

        await AssertProblemAsync(response, 415, "request.unsupported_media_type");
        Assert.That(await Database.CountAsync("tickets"), Is.Zero);
    }

    [Test]
    public async Task A_reused_idempotency_key_is_a_422_problem()
    {
        var (_, token) = await SignUpAsync();
        using var client = Client(token);
        var key = new Dictionary<string, string> { ["Idempotency-Key"] = "problem-422" };
        await SendAsync(client, HttpMethod.Post, "/api/v1/tickets", """{"subject":"A","body":"a"}""", key);

        var response = await SendAsync(client, HttpMethod.Post, "/api/v1/tickets", """{"subject":"B","body":"b"}""", key);

        await AssertProblemAsync(response, 422, "idempotency.key_reused");
    }

    [Test]
    public async Task Problems_carry_the_callers_request_id()
    {
        using var client = Client();
        client.DefaultRequestHeaders.Add("X-Request-ID", "problem-request-42");

        var response = await client.GetAsync("/api/v1/me");

        var problem = await AssertProblemAsync(response, 401, "auth.unauthorized");
        Assert.That(StringOf(problem, "request_id"), Is.EqualTo("problem-request-42"));
    }
}
