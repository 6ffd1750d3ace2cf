using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;
using NUnit.Framework;
using Platform.Application.Common.Auditing;
using Platform.Application.Common.Messaging;

namespace Platform.Application.Tests.Auditing;

/// <summary>How a command or an event's details become an audit row's changes: pure rules, no database.</summary>
public sealed class AuditRedactorTests
{
    private const string Redacted = AuditRedactor.Redacted;

    [Test]
    public void Secrets_in_nested_objects_are_redacted_and_their_neighbours_kept()
    {
        var secret = SecretRulesTests.WebhookSecret();

        var changes = Describe(new { webhook = new { url = "https://hooks.example.com/in", signing_secret = secret, events = new[] { "tickets.created" } } });

        var webhook = changes.GetProperty("webhook");
        Assert.Multiple(() =>
        {
            Assert.That(webhook.GetProperty("url").GetString(), Is.EqualTo("https://hooks.example.com/in"));
            Assert.That(webhook.GetProperty("signing_secret").GetString(), Is.EqualTo(Redacted));
            Assert.That(webhook.GetProperty("events")[0].GetString(), Is.EqualTo("tickets.created"));
            Assert.That(changes.GetRawText(), Does.Not.Contain(secret[6..]));
        });
    }

    [Test]
    public void Secrets_in_lists_of_objects_are_redacted_in_every_item()
    {
        var changes = Describe(new
        {
            integrations = new[]
            {
                new { name = "first", api_key = "plain-value-1" },
                new { name = "second", api_key = "plain-value-2" },
            },
        });

        var items = changes.GetProperty("integrations").EnumerateArray().ToList();
        Assert.Multiple(() =>
        {
            Assert.That(items.Select(i => i.GetProperty("name").GetString()), Is.EqualTo(new[] { "first", "second" }));
            Assert.That(items.Select(i => i.GetProperty("api_key").GetString()), Is.All.EqualTo(Redacted));
        });
    }

    [Test]
    public void The_json_name_decides_and_so_does_the_csharp_name_it_hides()
    {
        var changes = Describe(new Renamed("plain-1", "plain-2", "plain-3", "visible"));

        Assert.Multiple(() =>
        {
            Assert.That(changes.GetProperty("clientSecret").GetString(), Is.EqualTo(Redacted), "JSON name from [JsonPropertyName]");
            Assert.That(changes.GetProperty("label").GetString(), Is.EqualTo(Redacted), "C# name AccessToken behind an innocent JSON name");
            Assert.That(changes.GetProperty("refresh_token").GetString(), Is.EqualTo(Redacted), "snake_case of RefreshToken");
            Assert.That(changes.GetProperty("display_name").GetString(), Is.EqualTo("visible"));
            Assert.That(changes.GetRawText(), Does.Not.Contain("plain-"));
        });
    }

    [Test]
    public void Members_marked_sensitive_are_redacted_whatever_their_name_type_or_depth()
    {
        var changes = Describe(new Marked("hunter2", "pin-1234", 4711, null, new Optional<string?>("hidden"), default, [new Inner("deep", "kept")]));

        Assert.Multiple(() =>
        {
            Assert.That(changes.GetProperty("note").GetString(), Is.EqualTo(Redacted), "[property: Sensitive]");
            Assert.That(changes.GetProperty("code").GetString(), Is.EqualTo(Redacted), "[Sensitive] on the record parameter only");
            Assert.That(changes.GetProperty("number").GetString(), Is.EqualTo(Redacted), "not a string");
            Assert.That(changes.GetProperty("missing").ValueKind, Is.EqualTo(JsonValueKind.Null), "null says only that there was none");
            Assert.That(changes.GetProperty("patch").GetString(), Is.EqualTo(Redacted), "a present optional");
            Assert.That(changes.TryGetProperty("absent", out _), Is.False, "an absent optional stays absent");
            Assert.That(changes.GetProperty("inner")[0].GetProperty("hidden").GetString(), Is.EqualTo(Redacted));
            Assert.That(changes.GetProperty("inner")[0].GetProperty("shown").GetString(), Is.EqualTo("kept"));
            Assert.That(changes.GetRawText(), Does.Not.Contain("hunter2").And.Not.Contain("1234").And.Not.Contain("4711").And.Not.Contain("deep"));
        });
    }

    [Test]
    public void Dictionary_keys_count_as_names()
    {
        var changes = Describe(new
        {
            headers = new Dictionary<string, string> { ["Authorization"] = "opaque", ["Accept"] = "application/json", ["X-Api-Key"] = "opaque" },
        });

        var headers = changes.GetProperty("headers");
        Assert.Multiple(() =>
        {
            Assert.That(headers.GetProperty("authorization").GetString(), Is.EqualTo(Redacted));
            Assert.That(headers.GetProperty("accept").GetString(), Is.EqualTo("application/json"));
            Assert.That(headers.EnumerateObject().Single(p => p.Name.Contains("api", StringComparison.Ordinal)).Value.GetString(), Is.EqualTo(Redacted));
        });
    }

    [Test]
    public void A_value_that_looks_like_a_secret_is_redacted_under_any_name_and_in_lists()
    {
        var secret = SecretRulesTests.WebhookSecret();
        var jwt = SecretRulesTests.Jwt("""{"alg":"ES256"}""", """{"sub":"someone"}""");

        var changes = Describe(new { body = $"the hook secret is {secret}, please rotate", tags = new[] { "ok", jwt }, header = $"Bearer {jwt}" });

        Assert.Multiple(() =>
        {
            Assert.That(changes.GetProperty("body").GetString(), Is.EqualTo("the hook secret is [redacted], please rotate"));
            Assert.That(changes.GetProperty("tags")[0].GetString(), Is.EqualTo("ok"));
            Assert.That(changes.GetProperty("tags")[1].GetString(), Is.EqualTo(Redacted));
            Assert.That(changes.GetProperty("header").GetString(), Is.EqualTo(Redacted));
        });
    }

    [Test]
    public void Ordinary_changes_are_kept_as_they_are()
    {
        var changes = Describe(new
        {
            subject = "Printer",
            body = "Basic troubleshooting did not help",
            priority = (string?)null,
            keyset = "newest",
            monkey = 3,
            token_issued_at = "2026-11-21T22:44:45.123Z",
            consecutive_failures = 2,
        });

        Assert.That(
            changes.GetRawText(),
            Is.EqualTo("""{"subject":"Printer","body":"Basic troubleshooting did not help","priority":null,"keyset":"newest","monkey":3,"token_issued_at":"2026-11-21T22:44:45.123Z","consecutive_failures":2}"""));
    }

    [Test]
    public void A_null_secret_stays_null()
    {
        var changes = Describe(new { password = (string?)null });

        Assert.That(changes.GetProperty("password").ValueKind, Is.EqualTo(JsonValueKind.Null));
    }

    [Test]
    public void Pipeline_metadata_is_left_out_at_the_top_only()
    {
        var changes = Describe(new { idempotency_key = "k-1", audit_action = "x", subject = "s", nested = new { audit_action = "y" } });

        Assert.Multiple(() =>
        {
            Assert.That(changes.TryGetProperty("idempotency_key", out _), Is.False);
            Assert.That(changes.TryGetProperty("audit_action", out _), Is.False);
            Assert.That(changes.GetProperty("nested").GetProperty("audit_action").GetString(), Is.EqualTo("y"));
        });
    }

    [Test]
    public void Changes_that_are_not_an_object_are_refused()
    {
        Assert.Throws<ArgumentException>(() => AuditRedactor.Describe("""{"password":"pre-serialised"}"""));
        Assert.Throws<ArgumentException>(() => AuditRedactor.Describe(new[] { 1, 2 }));
    }

    [Test]
    public void An_audit_entry_can_only_be_built_by_the_factory_that_redacts()
    {
        var type = typeof(AuditEntry);

        Assert.Multiple(() =>
        {
            Assert.That(type.GetConstructors(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic).Where(c => !c.IsPrivate), Is.Empty);
            Assert.That(type.GetProperties().Where(p => p.SetMethod is { IsPrivate: false }).Select(p => p.Name), Is.Empty);
            Assert.That(AuditEntry.Record(DateTimeOffset.UnixEpoch, null, null, "a", "r", null, AuditOutcome.Succeeded, null, null, new { password = "pw" }).Changes, Is.EqualTo("""{"password":"[redacted]"}"""));
        });
    }

    [Test]
    public void Sensitive_members_are_found_through_nesting_lists_optionals_and_nullables()
    {
        Assert.Multiple(() =>
        {
            Assert.That(SensitiveMembers.AnyIn(typeof(Marked)), Is.True);
            Assert.That(SensitiveMembers.AnyIn(typeof(Holder)), Is.True, "through a list");
            Assert.That(SensitiveMembers.AnyIn(typeof(ItemsDto<Inner>)), Is.True, "through a generic wrapper");
            Assert.That(SensitiveMembers.AnyIn(typeof(Renamed)), Is.True, "by name");
            Assert.That(SensitiveMembers.AnyIn(typeof(Plain)), Is.False);
            Assert.That(SensitiveMembers.AnyIn(typeof(Node)), Is.False, "a cycle ends");
        });
    }

    private static JsonElement Describe(object changes) => JsonDocument.Parse(AuditRedactor.Describe(changes)).RootElement;

    private sealed record Renamed(
        [property: JsonPropertyName("clientSecret")] string Value,
        [property: JsonPropertyName("label")] string AccessToken,
        string RefreshToken,
        string DisplayName);

    private sealed record Marked(
        [property: Sensitive] string Note,
        [Sensitive] string Code,
        [property: Sensitive] int Number,
        [property: Sensitive] string? Missing,
        [property: Sensitive] Optional<string?> Patch,
        [property: Sensitive] Optional<string?> Absent,
        IReadOnlyList<Inner> Inner);

    private sealed record Inner([property: Sensitive] string Hidden, string Shown);

    private sealed record Holder(string Name, List<Inner?> Items);

    private sealed record Plain(string Name, int Count, IReadOnlyList<string> Tags, DateTimeOffset At);

    private sealed record Node(string Name, Node? Next);
}
