using System.Net.Http.Json;
using System.Text.Json.Nodes;
using NUnit.Framework;
using Platform.Api.Tests.Infrastructure;

namespace Platform.Api.Tests;

/// <summary>
/// Progressive back-off for failed sign-ins per account: three failures are free, the fourth blocks sign-in for one
/// second, the fifth for two, and so on; a success clears the count. Blocks here are one or two seconds, so the
/// tests wait for real.
/// </summary>
public sealed class LoginBackoffApiTests : ApiTestBase
{
    private const string WrongPassword = "wrong password 123";

    /// <summary>A little more than a one-second block, measured from the blocking response.</summary>
    private static readonly TimeSpan PastOneSecondBlock = TimeSpan.FromMilliseconds(1200);

    [Test]
    public async Task After_four_wrong_passwords_even_the_right_one_is_429_login_backoff_until_the_block_ends_and_success_resets_the_count()
    {
        var email = await RegisterAsync();
        using var client = Client();

        var free = new List<int>();
        for (var i = 0; i < 3; i++)
        {
            free.Add((int)(await SignInAsync(client, email, WrongPassword)).StatusCode);
        }

        var fourth = await SignInAsync(client, email, WrongPassword);
        var blocked = await SignInAsync(client, email, Password);

        Assert.That(free, Is.EqualTo(new[] { 401, 401, 401 }), "the first three failures cost nothing");
        await AssertProblemAsync(fourth, 401, "auth.invalid_credentials");
        await AssertProblemAsync(blocked, 429, "auth.login_backoff");
        var sessions = await Database.CountAsync("user_sessions");
        Assert.Multiple(() =>
        {
            Assert.That(blocked.Headers.RetryAfter?.Delta, Is.EqualTo(TimeSpan.FromSeconds(1)), "the fourth failure blocks for one second");
            Assert.That(sessions, Is.Zero, "a blocked attempt signs nobody in");
        });

        await Task.Delay(PastOneSecondBlock);
        var afterBlock = await SignInAsync(client, email, Password);
        Assert.That((int)afterBlock.StatusCode, Is.EqualTo(200), await afterBlock.Content.ReadAsStringAsync());

        var wrongAgain = await SignInAsync(client, email, WrongPassword);
        var rightAgain = await SignInAsync(client, email, Password);
        await AssertProblemAsync(wrongAgain, 401, "auth.invalid_credentials");
        Assert.That((int)rightAgain.StatusCode, Is.EqualTo(200), "the success reset the count: one failure blocks nothing");
    }

    [Test]
    public async Task Each_further_failure_doubles_the_block()
    {
        var email = await RegisterAsync();
        using var client = Client();
        for (var i = 0; i < 4; i++)
        {
            await SignInAsync(client, email, WrongPassword);
        }

        var firstBlock = await SignInAsync(client, email, Password);
        await Task.Delay(PastOneSecondBlock);
        var fifth = await SignInAsync(client, email, WrongPassword);
        var secondBlock = await SignInAsync(client, email, Password);

        await AssertProblemAsync(fifth, 401, "auth.invalid_credentials");
        await AssertProblemAsync(secondBlock, 429, "auth.login_backoff");
        Assert.Multiple(() =>
        {
            Assert.That(firstBlock.Headers.RetryAfter?.Delta, Is.EqualTo(TimeSpan.FromSeconds(1)));
            Assert.That(secondBlock.Headers.RetryAfter?.Delta, Is.EqualTo(TimeSpan.FromSeconds(2)), "the fifth failure blocks for two seconds");
        });
    }

    [Test]
    public async Task Unknown_emails_back_off_exactly_like_known_ones_so_responses_do_not_reveal_which_accounts_exist()
    {
        var known = await RegisterAsync();
        var unknown = $"nobody-{Guid.NewGuid():N}@example.com";
        using var client = Client();

        var knownResponses = new List<HttpResponseMessage>();
        var unknownResponses = new List<HttpResponseMessage>();
        for (var i = 0; i < 4; i++)
        {
            knownResponses.Add(await SignInAsync(client, known, WrongPassword));
            unknownResponses.Add(await SignInAsync(client, unknown, WrongPassword));
        }

        knownResponses.Add(await SignInAsync(client, known, Password));
        unknownResponses.Add(await SignInAsync(client, unknown, Password));

        var knownShapes = await Task.WhenAll(knownResponses.Select(ShapeAsync));
        var unknownShapes = await Task.WhenAll(unknownResponses.Select(ShapeAsync));
        Assert.Multiple(() =>
        {
            Assert.That(knownShapes.Select(s => s.Status), Is.EqualTo(new[] { 401, 401, 401, 401, 429 }));
            Assert.That(knownShapes[4].Code, Is.EqualTo("auth.login_backoff"));
            Assert.That(unknownShapes, Is.EqualTo(knownShapes), "status, code, detail and Retry-After are the same for an unknown email");
        });
    }

    [Test]
    public async Task The_back_off_is_per_account_and_applies_to_every_spelling_of_the_email()
    {
        var blocked = await RegisterAsync();
        var other = await RegisterAsync();
        using var client = Client();
        for (var i = 0; i < 4; i++)
        {
            await SignInAsync(client, blocked, WrongPassword);
        }

        var respelled = await SignInAsync(client, $"  {blocked.ToUpperInvariant()} ", Password);
        var otherAccount = await SignInAsync(client, other, Password);

        await AssertProblemAsync(respelled, 429, "auth.login_backoff");
        Assert.That((int)otherAccount.StatusCode, Is.EqualTo(200), "another account from the same client is not blocked");
    }

    [Test]
    public async Task Failed_and_successful_sign_ins_are_audited_without_any_password()
    {
        var email = await RegisterAsync();
        var unknown = $"ghost-{Guid.NewGuid():N}@example.com";
        using var client = Client();
        await SignInAsync(client, email, WrongPassword);
        await SignInAsync(client, email, WrongPassword);
        await SignInAsync(client, unknown, WrongPassword);
        var success = await SignInAsync(client, email, Password);
        var sessionId = (await JsonAsync(success))["session_id"]!.GetValue<Guid>();

        var rows = await AuditRowsAsync();

        var failed = rows.Where(r => r.Action == "auth.login_failed").ToList();
        var succeeded = rows.Where(r => r.Action == "auth.login_succeeded").ToList();
        Assert.Multiple(() =>
        {
            Assert.That(failed, Has.Count.EqualTo(3));
            Assert.That(failed.Select(r => r.Outcome), Has.All.EqualTo("failed"));
            Assert.That(
                failed.Select(r => (Email: StringOf(r.Changes, "email")?.ToUpperInvariant(), Reason: StringOf(r.Changes, "reason"), Count: r.Changes["consecutive_failures"]?.GetValue<int>())),
                Is.EquivalentTo(new[]
                {
                    (email.ToUpperInvariant(), "wrong_password", (int?)1),
                    (email.ToUpperInvariant(), "wrong_password", (int?)2),
                    (unknown.ToUpperInvariant(), "unknown_account", (int?)1),
                }));
            Assert.That(succeeded, Has.Count.EqualTo(1));
            Assert.That(succeeded.Single().Outcome, Is.EqualTo("succeeded"));
            Assert.That(succeeded.Single().ResourceType, Is.EqualTo("session"));
            Assert.That(succeeded.Single().ResourceId, Is.EqualTo(sessionId));
            Assert.That(rows.Select(r => r.Raw), Has.None.Contain(WrongPassword).And.None.Contain(Password), "no password, right or wrong, is ever audited (registration included)");
        });
    }

    private async Task<string> RegisterAsync()
    {
        var email = $"backoff-{Guid.NewGuid():N}@example.com";
        using var client = Client();
        var registered = await client.PostAsJsonAsync("/api/v1/auth/register", new { email, password = Password, display_name = "Backoff" });
        Assert.That((int)registered.StatusCode, Is.EqualTo(201), await registered.Content.ReadAsStringAsync());
        return email;
    }

    private static async Task<HttpResponseMessage> SignInAsync(HttpClient client, string email, string password)
    {
        var response = await client.PostAsJsonAsync("/api/v1/auth/token", new { email, password });
        await response.Content.LoadIntoBufferAsync();
        return response;
    }

    private static async Task<(int Status, string? Code, string? Detail, TimeSpan? RetryAfter)> ShapeAsync(HttpResponseMessage response)
    {
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();
        return ((int)response.StatusCode, StringOf(body, "code"), StringOf(body, "detail"), response.Headers.RetryAfter?.Delta);
    }

    private async Task<List<(string Action, string Outcome, string ResourceType, Guid? ResourceId, JsonObject Changes, string Raw)>> AuditRowsAsync()
    {
        var rows = new List<(string, string, string, Guid?, JsonObject, string)>();
        await using var command = Database.DataSource.CreateCommand(
            "SELECT action, outcome, resource_type, resource_id, changes::text FROM audit_log");
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            var raw = reader.GetString(4);
            rows.Add((reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.IsDBNull(3) ? null : reader.GetGuid(3), JsonNode.Parse(raw)!.AsObject(), raw));
        }

        return rows;
    }
}
