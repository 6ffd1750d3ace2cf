using System.Text.Json;
using System.Text.Json.Nodes;
using NUnit.Framework;
using Platform.Application.Common.Auditing;
using Platform.Application.Common.Idempotency;
using Platform.Application.Common.Messaging;
using Platform.Application.Tickets.Commands.UpdateTicket;

namespace Platform.Application.Tests.Auditing;

/// <summary>
/// The one-pass redaction over serialised JSON must give what redacting the JSON tree gave (<see cref="AuditRedactor.Redact"/>
/// on <see cref="JsonSerializer.SerializeToNode(object?, Type, JsonSerializerOptions?)"/>): the same audit JSON, byte
/// for byte, and the same verdict on whether a stored response must be encrypted.
/// </summary>
public sealed class SecretJsonTests
{
    private static readonly string[] MetaProperties = ["idempotency_key", "audit_action", "audit_resource_type", "audit_resource_id"];

    private static IEnumerable<TestCaseData> Documents()
    {
        var webhookSecret = SecretRulesTests.WebhookSecret();
        var jwt = SecretRulesTests.Jwt("""{"alg":"HS256"}""", """{"sub":"1"}""");
        yield return Case("plain", new { subject = "Printer on fire", body = "Third floor", count = 3, ratio = 0.25m, done = false, nothing = (string?)null });
        yield return Case("secret name", new { email = "a@example.com", password = "hunter2 hunter2" });
        yield return Case("secret name, null value", new { password = (string?)null, token = (object?)null });
        yield return Case("secret name, already redacted", new { api_key = AuditRedactor.Redacted });
        yield return Case("secret name, object value", new { credentials = new { user = "u", pass = "p" }, after = 1 });
        yield return Case("secret name, array value", new { tokens = new[] { "a", "b" }, after = "x" });
        yield return Case("secret value in prose", new { body = $"our secret is {webhookSecret}, please rotate", subject = "ok" });
        yield return Case("secret values in a list", new { notes = new[] { "fine", jwt, $"Bearer {jwt}" } });
        yield return Case("nested", new { webhook = new { url = "https://example.com/hook", signing_secret = webhookSecret, tags = new[] { "a" } }, attempts = new[] { new { authorization = "Basic dXNlcjpwYXNzd29yZDEyMzQ1Ng==", status = 200 } } });
        yield return Case("dictionary keys", new { headers = new Dictionary<string, string?> { ["X-Api-Key"] = "k", ["Accept"] = "json", ["Cookie"] = null } });
        yield return Case("escaping and unicode", new { subject = "<b>\"quoted\" & 'single'</b>\n\t\u2028 é 漢字 😀 \\ /", empty = string.Empty });
        yield return Case("numbers and times", new { big = long.MaxValue, small = -1e-7, at = new DateTimeOffset(2026, 12, 2, 9, 30, 15, 123, TimeSpan.Zero).AddTicks(4567), id = Guid.Parse("0192f5a4-0000-7000-8000-000000000001") });
        yield return Case("metadata at the top and deeper", new { idempotency_key = "k-1", audit_action = "x", inner = new { idempotency_key = "kept", audit_action = "kept" } });
        yield return Case("a command with optionals", new UpdateTicketCommand(Guid.Parse("0192f5a4-0000-7000-8000-000000000002"), "New subject", default, "high", default, (Guid?)null, [1, 2], "key-1"));
        yield return Case("empty object", new { });
        yield return Case("long values", new { body = new string('x', 5000) + webhookSecret + new string('y', 300), name_that_is_rather_long_for_a_property_but_still_a_name_and_not_a_secret_word_anywhere_in_it_at_all_really_no_it_is_not_even_close_to_one_of_them_so_there = 1 });
    }

    private static TestCaseData Case(string name, object value) => new TestCaseData(value) { TestName = $"{{m}}({name})" };

    [TestCaseSource(nameof(Documents))]
    public void Audit_changes_are_the_tree_redaction_byte_for_byte(object changes)
    {
        var tree = JsonSerializer.SerializeToNode(changes, changes.GetType(), ApplicationJson.Options)!.AsObject();
        foreach (var meta in MetaProperties)
        {
            tree.Remove(meta);
        }

        AuditRedactor.Redact(tree);

        Assert.That(AuditRedactor.Describe(changes), Is.EqualTo(tree.ToJsonString(ApplicationJson.Options)));
    }

    [TestCaseSource(nameof(Documents))]
    public void The_verdict_on_a_response_is_the_tree_redactions(object response)
    {
        var tree = JsonSerializer.SerializeToNode(response, response.GetType(), ApplicationJson.Exact);
        var json = JsonSerializer.SerializeToUtf8Bytes(response, response.GetType(), ApplicationJson.Exact);

        Assert.That(SecretJson.HoldsSecret(json), Is.EqualTo(AuditRedactor.Redact(tree)));
    }

    [Test]
    public void A_response_that_is_a_list_or_a_string_is_judged_as_the_tree_was()
    {
        var secret = SecretRulesTests.WebhookSecret();
        Assert.Multiple(() =>
        {
            Assert.That(SecretJson.HoldsSecret(JsonSerializer.SerializeToUtf8Bytes(new[] { "fine", secret })), Is.True, "an item of a list");
            Assert.That(AuditRedactor.Redact(JsonSerializer.SerializeToNode(new[] { "fine", secret })), Is.True);
            Assert.That(SecretJson.HoldsSecret(JsonSerializer.SerializeToUtf8Bytes(secret)), Is.False, "a bare string was never looked into");
            Assert.That(AuditRedactor.Redact(JsonSerializer.SerializeToNode(secret)), Is.False);
            Assert.That(SecretJson.HoldsSecret("null"u8), Is.False);
        });
    }

    [Test]
    public void A_stored_response_without_a_secret_is_its_json_as_serialised_and_reads_back_to_the_tick()
    {
        var response = new Stored(Guid.Parse("0192f5a4-0000-7000-8000-000000000003"), "<b>é</b> 😀", new DateTimeOffset(2026, 12, 2, 9, 30, 15, TimeSpan.Zero).AddTicks(1234567));

        var stored = StoredResponse.Write(response, [], "user:1", "Op", "k");

        Assert.Multiple(() =>
        {
            // Not the tree's text (which wrote a timestamp's + as \u002B), but the same JSON value: a replay reads it back.
            Assert.That(stored, Is.EqualTo(JsonSerializer.Serialize(response, ApplicationJson.Exact)));
            Assert.That(StoredResponse.Read<Stored>(new IdempotencyRecord { ResponseJson = stored, Operation = "Op" }, []), Is.EqualTo(response));
        });
    }

    public sealed record Stored(Guid Id, string Subject, DateTimeOffset At);
}
