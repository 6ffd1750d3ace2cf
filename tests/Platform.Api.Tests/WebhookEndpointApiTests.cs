using System.Text.Json.Nodes;
using NUnit.Framework;
using Platform.Api.Tests.Infrastructure;

namespace Platform.Api.Tests;

/// <summary>
/// Webhook endpoints over HTTP: admin-only CRUD, the secret shown once (and never by GET, in audit rows, in the
/// idempotency store or in the table in plain text), rotation, refused hosts as 400 webhooks.url_not_allowed, and the
/// event type catalogue.
/// </summary>
public sealed class WebhookEndpointApiTests : ApiTestBase
{
    private const string Endpoints = "/api/v1/webhooks/endpoints";
    private const string Url = "https://93.184.215.14/platform";

    private static readonly string[] EndpointFields =
    [
        "id", "url", "description", "event_types", "enabled", "disabled_reason", "disabled_at", "failing_since", "secret_rotated_at",
        "previous_secret_expires_at", "created_at", "updated_at", "version",
    ];

    [Test]
    public async Task Create_is_201_with_Location_ETag_and_the_secret_which_GET_never_shows()
    {
        using var admin = Client((await AdminAsync()).Token);

        var response = await SendAsync(admin, HttpMethod.Post, Endpoints, $$"""{"url":"{{Url}}","description":"CRM","event_types":["tickets.created","status.incident_created"]}""");
        var created = await JsonAsync(response);
        var secret = StringOf(created, "secret")!;
        var get = await admin.GetAsync(response.Headers.Location);
        var fetched = await JsonAsync(get);
        var list = await JsonAsync(await admin.GetAsync(new Uri(Endpoints, UriKind.Relative)));

        Assert.Multiple(() =>
        {
            Assert.That((int)response.StatusCode, Is.EqualTo(201), created.ToJsonString());
            Assert.That(response.Headers.Location?.ToString(), Is.EqualTo($"{Endpoints}/{IdOf(created)}"));
            Assert.That(response.Headers.ETag?.ToString(), Is.EqualTo("\"v1\""));
            Assert.That(created.Select(p => p.Key), Is.EquivalentTo(EndpointFields.Append("secret")));
            Assert.That(secret, Does.Match("^whsec_[A-Za-z0-9+/]{43}=$"));
            Assert.That(StringOf(created, "url"), Is.EqualTo(Url));
            Assert.That(created["event_types"]!.AsArray().Select(t => t!.GetValue<string>()), Is.EqualTo(new[] { "tickets.created", "status.incident_created" }));
            Assert.That(created["enabled"]!.GetValue<bool>(), Is.True);
            Assert.That((int)get.StatusCode, Is.EqualTo(200));
            Assert.That(get.Headers.ETag?.ToString(), Is.EqualTo("\"v1\""));
            Assert.That(fetched.Select(p => p.Key), Is.EquivalentTo(EndpointFields));
            Assert.That(fetched.ToJsonString(), Does.Not.Contain(secret[6..]));
            Assert.That(list.ToJsonString(), Does.Not.Contain(secret[6..]).And.Contain(IdOf(created).ToString()));
        });
    }

    [Test]
    public async Task The_secret_is_never_in_plain_text_in_the_table_the_audit_log_or_the_idempotency_store()
    {
        using var admin = Client((await AdminAsync()).Token);
        var headers = new Dictionary<string, string> { ["Idempotency-Key"] = "create-hook-1" };
        var body = $$"""{"url":"{{Url}}","event_types":["*"]}""";

        var first = await SendAsync(admin, HttpMethod.Post, Endpoints, body, headers);
        var created = await JsonAsync(first);
        var replay = await SendAsync(admin, HttpMethod.Post, Endpoints, body, headers);
        var replayed = await JsonAsync(replay);
        var rotated = await JsonAsync(await SendAsync(admin, HttpMethod.Post, $"{Endpoints}/{IdOf(created)}/rotate-secret", null, new Dictionary<string, string> { ["Idempotency-Key"] = "rotate-1" }));
        var secrets = new[] { StringOf(created, "secret")!, StringOf(rotated, "secret")! };

        var everything = await TextOfTablesAsync("webhook_endpoints", "audit_log", "idempotency_keys");
        Assert.Multiple(async () =>
        {
            Assert.That((int)replay.StatusCode, Is.EqualTo(200));
            Assert.That(Header(replay, "Idempotent-Replayed"), Is.EqualTo("true"));
            Assert.That(StringOf(replayed, "secret"), Is.EqualTo(secrets[0]), "a replay shows the same secret");
            Assert.That(await Database.CountAsync("webhook_endpoints"), Is.EqualTo(1));
            Assert.That(await Database.CountAsync("audit_log", "action IN ('webhooks.endpoints.create', 'webhooks.endpoints.rotate_secret')"), Is.EqualTo(2));
            Assert.That(await Database.CountAsync("idempotency_keys", "response_json LIKE 'enc:v1:%'"), Is.EqualTo(2));
            foreach (var secret in secrets)
            {
                Assert.That(everything, Does.Not.Contain(secret[6..]), "the base64 of a secret");
            }

            Assert.That(everything, Does.Not.Contain("whsec_"));
        });
    }

    [Test]
    public async Task Rotate_secret_returns_a_new_secret_once_and_the_previous_one_keeps_signing_for_a_day()
    {
        using var admin = Client((await AdminAsync()).Token);
        var created = await JsonAsync(await SendAsync(admin, HttpMethod.Post, Endpoints, $$"""{"url":"{{Url}}","event_types":["*"]}"""));

        var response = await SendAsync(admin, HttpMethod.Post, $"{Endpoints}/{IdOf(created)}/rotate-secret");
        var rotated = await JsonAsync(response);
        var fetched = await JsonAsync(await admin.GetAsync(new Uri($"{Endpoints}/{IdOf(created)}", UriKind.Relative)));

        Assert.Multiple(() =>
        {
            Assert.That((int)response.StatusCode, Is.EqualTo(200), rotated.ToJsonString());
            Assert.That(response.Headers.ETag?.ToString(), Is.EqualTo("\"v2\""));
            Assert.That(StringOf(rotated, "secret"), Does.StartWith("whsec_").And.Not.EqualTo(StringOf(created, "secret")));
            Assert.That(
                DateTimeOffset.Parse(StringOf(rotated, "previous_secret_expires_at")!, System.Globalization.CultureInfo.InvariantCulture)
                - DateTimeOffset.Parse(StringOf(rotated, "secret_rotated_at")!, System.Globalization.CultureInfo.InvariantCulture),
                Is.EqualTo(TimeSpan.FromHours(24)));
            Assert.That(fetched["secret"], Is.Null);
            Assert.That(StringOf(fetched, "previous_secret_expires_at"), Is.EqualTo(StringOf(rotated, "previous_secret_expires_at")));
        });
    }

    [TestCase("http://localhost:8080/hook")]
    [TestCase("http://127.0.0.1/hook")]
    [TestCase("http://[::1]/hook")]
    [TestCase("http://[::ffff:10.0.0.1]/hook")]
    [TestCase("http://10.0.0.1/hook")]
    [TestCase("http://172.16.5.4/hook")]
    [TestCase("http://192.168.0.10/hook")]
    [TestCase("http://100.64.0.1/hook")]
    [TestCase("http://169.254.169.254/latest/meta-data")]
    [TestCase("https://[fd00:ec2::254]/")]
    [TestCase("https://[fe80::1]/")]
    public async Task A_refused_host_is_400_webhooks_url_not_allowed_on_create_and_on_patch(string url)
    {
        using var admin = Client((await AdminAsync()).Token);
        var created = await JsonAsync(await SendAsync(admin, HttpMethod.Post, Endpoints, $$"""{"url":"{{Url}}","event_types":["*"]}"""));

        var onCreate = await AssertProblemAsync(
            await SendAsync(admin, HttpMethod.Post, Endpoints, $$"""{"url":"{{url}}","event_types":["*"]}"""), 400, "webhooks.url_not_allowed");
        await AssertProblemAsync(await PatchAsync(admin, $"{Endpoints}/{IdOf(created)}", $$"""{"url":"{{url}}"}"""), 400, "webhooks.url_not_allowed");

        Assert.Multiple(async () =>
        {
            Assert.That(StringOf(onCreate, "type"), Is.EqualTo("https://platform.dev/problems/webhooks.url_not_allowed"));
            Assert.That(StringOf(onCreate, "detail"), Does.Contain("Webhooks:AllowedHosts"));
            Assert.That(await Database.CountAsync("webhook_endpoints"), Is.EqualTo(1));
            Assert.That(StringOf(await JsonAsync(await admin.GetAsync(new Uri($"{Endpoints}/{IdOf(created)}", UriKind.Relative))), "url"), Is.EqualTo(Url));
        });
    }

    [Test]
    public async Task A_malformed_url_or_unknown_event_type_is_400_validation_failed_naming_the_field()
    {
        using var admin = Client((await AdminAsync()).Token);

        var badUrl = await AssertProblemAsync(await SendAsync(admin, HttpMethod.Post, Endpoints, """{"url":"ftp://hooks.example.com/x","event_types":["*"]}"""), 400, "validation.failed");
        var badTypes = await AssertProblemAsync(await SendAsync(admin, HttpMethod.Post, Endpoints, $$"""{"url":"{{Url}}","event_types":["tickets.deleted"]}"""), 400, "validation.failed");
        var missing = await AssertProblemAsync(await SendAsync(admin, HttpMethod.Post, Endpoints, "{}"), 400, "validation.failed");

        Assert.Multiple(() =>
        {
            Assert.That(badUrl["errors"]!["url"], Is.Not.Null);
            Assert.That(badTypes["errors"]!["event_types"], Is.Not.Null);
            Assert.That(missing["errors"]!.AsObject().Select(p => p.Key), Is.SupersetOf(new[] { "url", "event_types" }));
        });
    }

    [Test]
    public async Task Non_admins_get_403_and_anonymous_callers_401_on_every_route()
    {
        var (_, agentToken) = await SignUpAsync(role: "agent");
        using var agent = Client(agentToken);
        using var anonymous = Client();
        var id = Guid.NewGuid();
        var routes = new (HttpMethod Method, string Path, string? Body)[]
        {
            (HttpMethod.Post, Endpoints, $$"""{"url":"{{Url}}","event_types":["*"]}"""),
            (HttpMethod.Get, Endpoints, null),
            (HttpMethod.Get, $"{Endpoints}/{id}", null),
            (HttpMethod.Patch, $"{Endpoints}/{id}", """{"description":"x"}"""),
            (HttpMethod.Delete, $"{Endpoints}/{id}", null),
            (HttpMethod.Post, $"{Endpoints}/{id}/rotate-secret", null),
            (HttpMethod.Get, "/api/v1/webhooks/event-types", null),
        };

        foreach (var (method, path, body) in routes)
        {
            await AssertProblemAsync(await SendAsync(agent, method, path, body), 403, "auth.forbidden");
            await AssertProblemAsync(await SendAsync(anonymous, method, path, body), 401, "auth.unauthorized");
        }

        Assert.That(await Database.CountAsync("webhook_endpoints"), Is.Zero);
    }

    [Test]
    public async Task Patch_merges_honours_If_Match_and_disabling_says_why()
    {
        using var admin = Client((await AdminAsync()).Token);
        var created = await JsonAsync(await SendAsync(admin, HttpMethod.Post, Endpoints, $$"""{"url":"{{Url}}","description":"CRM","event_types":["*"]}"""));
        var path = $"{Endpoints}/{IdOf(created)}";

        await AssertProblemAsync(await PatchAsync(admin, path, """{"description":"x"}""", ifMatch: "\"v9\""), 412, "precondition.failed");
        var patched = await PatchAsync(admin, path, """{"enabled":false,"event_types":["tickets.created"]}""", ifMatch: "\"v1\"");
        var body = await JsonAsync(patched);

        Assert.Multiple(() =>
        {
            Assert.That((int)patched.StatusCode, Is.EqualTo(200), body.ToJsonString());
            Assert.That(patched.Headers.ETag?.ToString(), Is.EqualTo("\"v2\""));
            Assert.That(StringOf(body, "description"), Is.EqualTo("CRM"), "absent fields are left alone");
            Assert.That(body["enabled"]!.GetValue<bool>(), Is.False);
            Assert.That(StringOf(body, "disabled_reason"), Is.EqualTo("manual"));
            Assert.That(StringOf(body, "disabled_at"), Is.Not.Null);
            Assert.That(body["event_types"]!.AsArray().Select(t => t!.GetValue<string>()), Is.EqualTo(new[] { "tickets.created" }));
        });
    }

    [Test]
    public async Task Delete_is_204_then_the_endpoint_is_404()
    {
        using var admin = Client((await AdminAsync()).Token);
        var created = await JsonAsync(await SendAsync(admin, HttpMethod.Post, Endpoints, $$"""{"url":"{{Url}}","event_types":["*"]}"""));
        var path = $"{Endpoints}/{IdOf(created)}";

        var deleted = await admin.DeleteAsync(new Uri(path, UriKind.Relative));

        Assert.Multiple(async () =>
        {
            Assert.That((int)deleted.StatusCode, Is.EqualTo(204));
            await AssertProblemAsync(await admin.GetAsync(new Uri(path, UriKind.Relative)), 404, "webhooks.endpoint_not_found");
            await AssertProblemAsync(await admin.DeleteAsync(new Uri(path, UriKind.Relative)), 404, "webhooks.endpoint_not_found");
            await AssertProblemAsync(await SendAsync(admin, HttpMethod.Post, $"{path}/rotate-secret"), 404, "webhooks.endpoint_not_found");
            Assert.That(await Database.CountAsync("audit_log", "action = 'webhooks.endpoints.delete'"), Is.EqualTo(1));
        });
    }

    [Test]
    public async Task The_list_is_keyset_paged_newest_first_with_a_next_link()
    {
        using var admin = Client((await AdminAsync()).Token);
        var ids = new List<Guid>();
        for (var i = 0; i < 3; i++)
        {
            ids.Add(IdOf(await JsonAsync(await SendAsync(admin, HttpMethod.Post, Endpoints, $$"""{"url":"{{Url}}","event_types":["*"]}"""))));
        }

        var first = await admin.GetAsync(new Uri($"{Endpoints}?page_size=2", UriKind.Relative));
        var page1 = await JsonAsync(first);
        var page2 = await JsonAsync(await admin.GetAsync(new Uri($"{Endpoints}?page_size=2&cursor={Uri.EscapeDataString(StringOf(page1, "next_cursor")!)}", UriKind.Relative)));

        Assert.Multiple(async () =>
        {
            Assert.That(page1.Select(p => p.Key), Is.EquivalentTo(new[] { "items", "page_size", "next_cursor" }));
            Assert.That(ItemsOf(page1).Select(IdOf), Is.EqualTo(new[] { ids[2], ids[1] }));
            Assert.That(Header(first, "Link"), Does.Contain("rel=\"next\""));
            Assert.That(Header(first, "ETag"), Is.Not.Null);
            Assert.That(ItemsOf(page2).Select(IdOf), Is.EqualTo(new[] { ids[0] }));
            Assert.That(page2["next_cursor"], Is.Null);
            await AssertProblemAsync(await admin.GetAsync(new Uri($"{Endpoints}?cursor=not-a-cursor", UriKind.Relative)), 400, "validation.failed");
        });
    }

    [Test]
    public async Task The_event_type_catalogue_lists_every_type_with_a_description_and_an_example()
    {
        using var admin = Client((await AdminAsync()).Token);

        var response = await admin.GetAsync(new Uri("/api/v1/webhooks/event-types", UriKind.Relative));
        var items = ItemsOf(await JsonAsync(response));

        Assert.Multiple(() =>
        {
            Assert.That((int)response.StatusCode, Is.EqualTo(200));
            Assert.That(Header(response, "ETag"), Is.Not.Null);
            Assert.That(items.Select(i => StringOf(i, "type")), Is.SupersetOf(new[]
            {
                "tickets.created", "tickets.updated", "tickets.status_changed", "tickets.comment_added", "status.service_status_changed",
                "status.incident_created", "status.incident_updated", "sessions.refresh_reuse_detected", "webhook.test",
            }));
            Assert.That(items.Select(i => StringOf(i, "description")), Has.All.Not.Empty);
            Assert.That(items.Select(i => i!["example_payload"]!.AsObject().Select(p => p.Key)), Has.All.EqualTo(new[] { "type", "timestamp", "data" }));
        });
    }

    private async Task<string> TextOfTablesAsync(params string[] tables)
    {
        var text = new System.Text.StringBuilder();
        foreach (var table in tables)
        {
            await using var command = Database.DataSource.CreateCommand($"SELECT coalesce(string_agg(t::text, E'\\n'), '') FROM {table} t");
            text.AppendLine((string)(await command.ExecuteScalarAsync())!);
        }

        return text.ToString();
    }
}
