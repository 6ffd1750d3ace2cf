using System.Net.Http.Json;
using NUnit.Framework;
using Platform.Api.Tests.Infrastructure;

namespace Platform.Api.Tests;

public sealed class IdempotencyApiTests : ApiTestBase
{
    private const string TicketJson = """{"subject":"Printer","body":"On fire"}""";

    private static Dictionary<string, string> Key(string key) => new() { ["Idempotency-Key"] = key };

    [Test]
    public async Task The_same_key_and_body_creates_once_then_replays_200_with_the_identical_body()
    {
        var (_, token) = await SignUpAsync();
        using var client = Client(token);

        var first = await SendAsync(client, HttpMethod.Post, "/api/v1/tickets", TicketJson, Key("create-1"));
        var firstText = await first.Content.ReadAsStringAsync();
        var replay = await SendAsync(client, HttpMethod.Post, "/api/v1/tickets", TicketJson, Key("create-1"));
        var replayText = await replay.Content.ReadAsStringAsync();
        var tickets = await Database.CountAsync("tickets");

        Assert.Multiple(() =>
        {
            Assert.That((int)first.StatusCode, Is.EqualTo(201), firstText);
            Assert.That(first.Headers.Contains("Idempotent-Replayed"), Is.False);
            Assert.That((int)replay.StatusCode, Is.EqualTo(200), replayText);
            Assert.That(Header(replay, "Idempotent-Replayed"), Is.EqualTo("true"));
            Assert.That(replayText, Is.EqualTo(firstText));
            Assert.That(tickets, Is.EqualTo(1));
        });
    }

    [Test]
    public async Task The_same_key_with_a_different_body_is_422_key_reused()
    {
        var (_, token) = await SignUpAsync();
        using var client = Client(token);
        var first = await SendAsync(client, HttpMethod.Post, "/api/v1/tickets", TicketJson, Key("create-2"));
        Assert.That((int)first.StatusCode, Is.EqualTo(201));

        var second = await SendAsync(client, HttpMethod.Post, "/api/v1/tickets", """{"subject":"Scanner","body":"On fire"}""", Key("create-2"));

        await AssertProblemAsync(second, 422, "idempotency.key_reused");
        Assert.That(await Database.CountAsync("tickets"), Is.EqualTo(1));
    }

    [TestCase(256, 'k', TestName = "An_Idempotency_Key_of_256_characters_is_400_validation_failed")]
    [TestCase(10, '\u0001', TestName = "An_Idempotency_Key_with_a_control_character_is_400_validation_failed")]
    [TestCase(10, '\u00e9', TestName = "An_Idempotency_Key_with_a_non_ASCII_character_is_400_validation_failed")]
    public async Task An_invalid_Idempotency_Key_is_400_validation_failed(int length, char filler)
    {
        var (_, token) = await SignUpAsync();
        using var client = Client(token);
        var key = "key-" + new string(filler, length - 4);

        var response = await SendAsync(client, HttpMethod.Post, "/api/v1/tickets", TicketJson, Key(key));

        var problem = await AssertProblemAsync(response, 400, "validation.failed");
        var tickets = await Database.CountAsync("tickets");
        Assert.Multiple(() =>
        {
            Assert.That(problem["errors"]!.AsObject().Select(p => p.Key), Is.EqualTo(new[] { "idempotency_key" }));
            Assert.That(tickets, Is.Zero);
        });
    }

    [Test]
    public async Task An_Idempotency_Key_of_255_printable_characters_is_accepted()
    {
        var (_, token) = await SignUpAsync();
        using var client = Client(token);
        var key = new string('k', 250) + " ~!@#";

        var response = await SendAsync(client, HttpMethod.Post, "/api/v1/tickets", TicketJson, Key(key));

        Assert.That((int)response.StatusCode, Is.EqualTo(201), await response.Content.ReadAsStringAsync());
    }

    [Test]
    public async Task Sixteen_parallel_requests_with_one_key_create_exactly_one_ticket_and_never_fail_with_5xx()
    {
        var (_, token) = await SignUpAsync();
        using var client = Client(token);

        var responses = await Task.WhenAll(Enumerable.Range(0, 16).Select(_ => SendAsync(client, HttpMethod.Post, "/api/v1/tickets", TicketJson, Key("parallel-1"))));

        var outcomes = new List<(int Status, string Text)>();
        foreach (var response in responses)
        {
            outcomes.Add(((int)response.StatusCode, await response.Content.ReadAsStringAsync()));
        }

        var created = outcomes.Where(o => o.Status == 201).ToList();
        Assert.That(created, Has.Count.EqualTo(1), string.Join("\n", outcomes));
        var ticketId = IdOf(System.Text.Json.Nodes.JsonNode.Parse(created[0].Text));
        for (var i = 0; i < responses.Length; i++)
        {
            var (status, text) = outcomes[i];
            switch (status)
            {
                case 201:
                    break;
                case 200:
                    Assert.Multiple(() =>
                    {
                        Assert.That(Header(responses[i], "Idempotent-Replayed"), Is.EqualTo("true"));
                        Assert.That(IdOf(System.Text.Json.Nodes.JsonNode.Parse(text)), Is.EqualTo(ticketId));
                    });
                    break;
                case 409:
                    await AssertProblemAsync(responses[i], 409, "idempotency.in_progress");
                    break;
                default:
                    Assert.Fail($"Unexpected {status}: {text}");
                    break;
            }
        }

        Assert.That(await Database.CountAsync("tickets"), Is.EqualTo(1));
    }

    [Test]
    public async Task Keys_are_per_user_so_the_same_key_from_two_users_creates_two_tickets()
    {
        var (_, aliceToken) = await SignUpAsync();
        var (_, bobToken) = await SignUpAsync();
        using var alice = Client(aliceToken);
        using var bob = Client(bobToken);

        var fromAlice = await SendAsync(alice, HttpMethod.Post, "/api/v1/tickets", TicketJson, Key("shared-key"));
        var fromBob = await SendAsync(bob, HttpMethod.Post, "/api/v1/tickets", TicketJson, Key("shared-key"));
        var aliceTicket = await JsonAsync(fromAlice);
        var bobTicket = await JsonAsync(fromBob);
        var tickets = await Database.CountAsync("tickets");

        Assert.Multiple(() =>
        {
            Assert.That((int)fromAlice.StatusCode, Is.EqualTo(201));
            Assert.That((int)fromBob.StatusCode, Is.EqualTo(201), bobTicket.ToJsonString());
            Assert.That(fromBob.Headers.Contains("Idempotent-Replayed"), Is.False);
            Assert.That(IdOf(bobTicket), Is.Not.EqualTo(IdOf(aliceTicket)));
            Assert.That(tickets, Is.EqualTo(2));
        });
    }

    [Test]
    public async Task A_patch_that_fails_stores_no_key_so_a_retry_with_the_same_key_and_a_valid_request_succeeds()
    {
        var (_, customerToken) = await SignUpAsync();
        var (_, agentToken) = await SignUpAsync(role: "agent");
        using var customer = Client(customerToken);
        using var agent = Client(agentToken);
        var closed = IdOf(await CreateTicketAsync(customer, "Closed"));
        var open = IdOf(await CreateTicketAsync(customer, "Open"));
        Assert.That((int)(await PatchAsync(customer, $"/api/v1/tickets/{closed}", """{"status":"closed"}""")).StatusCode, Is.EqualTo(200));

        var failed = await PatchAsync(agent, $"/api/v1/tickets/{closed}", """{"status":"open"}""", idempotencyKey: "patch-1");
        await AssertProblemAsync(failed, 409, "tickets.invalid_transition");

        var retry = await PatchAsync(agent, $"/api/v1/tickets/{open}", """{"status":"pending"}""", idempotencyKey: "patch-1");
        var body = await JsonAsync(retry);
        Assert.Multiple(() =>
        {
            Assert.That((int)retry.StatusCode, Is.EqualTo(200), body.ToJsonString());
            Assert.That(retry.Headers.Contains("Idempotent-Replayed"), Is.False);
            Assert.That(StringOf(body, "status"), Is.EqualTo("pending"));
        });
    }

    [Test]
    public async Task A_forbidden_patch_stores_no_key_so_the_same_key_can_carry_an_allowed_change()
    {
        var (_, token) = await SignUpAsync();
        using var client = Client(token);
        var id = IdOf(await CreateTicketAsync(client));

        var forbidden = await PatchAsync(client, $"/api/v1/tickets/{id}", """{"status":"resolved"}""", idempotencyKey: "patch-2");
        await AssertProblemAsync(forbidden, 403, "tickets.forbidden");

        var allowed = await PatchAsync(client, $"/api/v1/tickets/{id}", """{"status":"closed"}""", idempotencyKey: "patch-2");
        Assert.That((int)allowed.StatusCode, Is.EqualTo(200), await allowed.Content.ReadAsStringAsync());
    }

    [Test]
    public async Task A_replayed_patch_returns_200_with_the_stored_ticket_and_changes_nothing_more()
    {
        var (_, token) = await SignUpAsync();
        using var client = Client(token);
        var id = IdOf(await CreateTicketAsync(client));

        var first = await PatchAsync(client, $"/api/v1/tickets/{id}", """{"subject":"Once"}""", idempotencyKey: "patch-3");
        var firstText = await first.Content.ReadAsStringAsync();
        var replay = await PatchAsync(client, $"/api/v1/tickets/{id}", """{"subject":"Once"}""", idempotencyKey: "patch-3");
        var replayText = await replay.Content.ReadAsStringAsync();
        var current = await JsonAsync(await client.GetAsync($"/api/v1/tickets/{id}"));

        Assert.Multiple(() =>
        {
            Assert.That((int)first.StatusCode, Is.EqualTo(200), firstText);
            Assert.That((int)replay.StatusCode, Is.EqualTo(200), replayText);
            Assert.That(Header(replay, "Idempotent-Replayed"), Is.EqualTo("true"));
            Assert.That(replayText, Is.EqualTo(firstText));
            Assert.That(current["version"]?.GetValue<int>(), Is.EqualTo(2));
        });
    }

    [Test]
    public async Task Anonymous_registration_with_a_key_is_replayed_for_the_same_client()
    {
        using var client = Client(clientIp: "198.51.100.7");
        var payload = new { email = "once@example.com", password = Password, display_name = "Once" };

        var first = await client.SendAsync(new HttpRequestMessage(HttpMethod.Post, "/api/v1/auth/register") { Content = JsonContent.Create(payload), Headers = { { "Idempotency-Key", "register-1" } } });
        var replay = await client.SendAsync(new HttpRequestMessage(HttpMethod.Post, "/api/v1/auth/register") { Content = JsonContent.Create(payload), Headers = { { "Idempotency-Key", "register-1" } } });
        var firstText = await first.Content.ReadAsStringAsync();
        var replayText = await replay.Content.ReadAsStringAsync();
        var users = await Database.CountAsync("users");

        Assert.Multiple(() =>
        {
            Assert.That((int)first.StatusCode, Is.EqualTo(201), firstText);
            Assert.That((int)replay.StatusCode, Is.EqualTo(200), replayText);
            Assert.That(Header(replay, "Idempotent-Replayed"), Is.EqualTo("true"));
            Assert.That(replayText, Is.EqualTo(firstText));
            Assert.That(users, Is.EqualTo(1));
        });
    }
}
