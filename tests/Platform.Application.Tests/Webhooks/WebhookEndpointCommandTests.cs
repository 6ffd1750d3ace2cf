using Microsoft.Extensions.DependencyInjection;
using NUnit.Framework;
using Platform.Application.Common.Errors;
using Platform.Application.Common.Idempotency;
using Platform.Application.Common.Messaging;
using Platform.Application.Webhooks;
using Platform.Application.Webhooks.Commands.CreateWebhookEndpoint;
using Platform.Application.Webhooks.Commands.DeleteWebhookEndpoint;
using Platform.Application.Webhooks.Commands.RotateWebhookEndpointSecret;
using Platform.Application.Webhooks.Commands.UpdateWebhookEndpoint;
using Platform.Application.Webhooks.Queries.GetWebhookEndpoint;
using Platform.Application.Webhooks.Queries.ListWebhookEndpoints;
using Platform.Domain.Common;
using Platform.Domain.Webhooks;

namespace Platform.Application.Tests.Webhooks;

/// <summary>Managing webhook endpoints through the real pipeline and PostgreSQL: secrets sealed, shown once, replayed encrypted, audited without them.</summary>
public sealed class WebhookEndpointCommandTests : ApplicationTestBase
{
    private const string Url = "https://93.184.215.14/platform";

    protected override IDictionary<string, string?>? Settings => new Dictionary<string, string?>
    {
        ["Webhooks:RotationGracePeriod"] = "02:00:00",
    };

    [Test]
    public async Task Create_stores_the_secret_only_sealed_for_the_endpoint_and_shows_it_once()
    {
        var admin = await AdminAsync();

        var created = await App.SendAsync(new CreateWebhookEndpointCommand(Url, "CRM", [WebhookEventTypes.TicketsCreated]), admin);

        var row = await RowTextAsync("webhook_endpoints", created.Id);
        var sealedSecret = await SealedAsync(created.Id);
        var protector = App.Services.GetRequiredService<IWebhookSecretProtector>();
        var fetched = await App.SendAsync(new GetWebhookEndpointQuery(created.Id), admin);
        Assert.Multiple(() =>
        {
            Assert.That(created.Secret, Does.StartWith("whsec_"));
            Assert.That(row, Does.Not.Contain(created.Secret[6..]));
            Assert.That(protector.Open(sealedSecret, created.Id).Value, Is.EqualTo(created.Secret));
            Assert.That(fetched.Id, Is.EqualTo(created.Id));
            Assert.That(fetched.Url, Is.EqualTo(Url));
            Assert.That(fetched.EventTypes, Is.EqualTo(new[] { WebhookEventTypes.TicketsCreated }));
            Assert.That(fetched.Enabled, Is.True);
        });
    }

    [Test]
    public async Task An_idempotent_create_stores_its_response_encrypted_replays_the_same_secret_and_audits_no_secret()
    {
        var admin = await AdminAsync();
        var command = new CreateWebhookEndpointCommand(Url, "CRM", ["*"], IdempotencyKey: "hook-1");

        var (first, firstReplayed) = await App.SendWithOutcomeAsync(command, admin);
        var (second, secondReplayed) = await App.SendWithOutcomeAsync(command, admin);

        var stored = await TextAsync("SELECT response_json FROM idempotency_keys WHERE key = 'hook-1'");
        var audit = await TextAsync($"SELECT string_agg(a::text, ' ') FROM audit_log a WHERE action = 'webhooks.endpoints.create'");
        Assert.Multiple(async () =>
        {
            Assert.That((firstReplayed, secondReplayed), Is.EqualTo((false, true)));
            Assert.That((second.Id, second.Secret, second.Version), Is.EqualTo((first.Id, first.Secret, first.Version)), "the same endpoint and the same secret");
            Assert.That(await Database.CountAsync("webhook_endpoints"), Is.EqualTo(1));
            Assert.That(stored, Does.StartWith(StoredResponse.EncryptedPrefix).And.Not.Contain(first.Secret[6..]));
            Assert.That(audit, Does.Contain(first.Id.ToString()).And.Not.Contain(first.Secret[6..]).And.Not.Contain("whsec_"));
        });
    }

    [Test]
    public async Task Rotating_keeps_the_previous_secret_signing_for_the_configured_grace_period()
    {
        var admin = await AdminAsync();
        var created = await App.SendAsync(new CreateWebhookEndpointCommand(Url, null, ["*"]), admin);

        var rotated = await App.SendAsync(new RotateWebhookEndpointSecretCommand(created.Id, "rotate-1"), admin);

        var protector = App.Services.GetRequiredService<IWebhookSecretProtector>();
        await using var scope = App.Services.CreateAsyncScope();
        var endpoint = await scope.ServiceProvider.GetRequiredService<Platform.Application.Common.Interfaces.IPlatformDbContext>().WebhookEndpoints.FindAsync(created.Id);
        var now = App.Clock.GetUtcNow();
        var during = endpoint!.SigningSecretsAt(now).Select(s => protector.Open(s, created.Id).Value).ToList();
        var after = endpoint.SigningSecretsAt(now.AddHours(2).AddSeconds(1)).Select(s => protector.Open(s, created.Id).Value).ToList();
        var stored = await TextAsync("SELECT response_json FROM idempotency_keys WHERE key = 'rotate-1'");
        Assert.Multiple(() =>
        {
            Assert.That(rotated.Secret, Does.StartWith("whsec_").And.Not.EqualTo(created.Secret));
            Assert.That(rotated.Version, Is.EqualTo(2));
            Assert.That(rotated.PreviousSecretExpiresAt, Is.EqualTo(rotated.SecretRotatedAt!.Value.AddHours(2)));
            Assert.That(during, Is.EqualTo(new[] { rotated.Secret, created.Secret }), "newest first");
            Assert.That(after, Is.EqualTo(new[] { rotated.Secret }));
            Assert.That(stored, Does.StartWith(StoredResponse.EncryptedPrefix).And.Not.Contain(rotated.Secret[6..]));
        });
    }

    [Test]
    public async Task A_url_whose_host_is_refused_is_an_application_error_with_its_own_code()
    {
        var admin = await AdminAsync();
        var created = await App.SendAsync(new CreateWebhookEndpointCommand(Url, null, ["*"]), admin);

        var onCreate = Assert.ThrowsAsync<BadRequestException>(() => App.SendAsync(new CreateWebhookEndpointCommand("http://localhost:8080/hook", null, ["*"]), admin));
        var onUpdate = Assert.ThrowsAsync<BadRequestException>(() => App.SendAsync(
            new UpdateWebhookEndpointCommand(created.Id, new Optional<string?>("http://169.254.169.254/"), default, default, default), admin));

        Assert.Multiple(async () =>
        {
            Assert.That(onCreate!.Code, Is.EqualTo(WebhookErrorCodes.UrlNotAllowed));
            Assert.That(onCreate.Kind, Is.EqualTo(ErrorKind.Validation));
            Assert.That(onUpdate!.Code, Is.EqualTo(WebhookErrorCodes.UrlNotAllowed));
            Assert.That(await Database.CountAsync("webhook_endpoints"), Is.EqualTo(1));
            Assert.That(await Database.CountAsync("audit_log", "action LIKE 'webhooks.%'"), Is.EqualTo(1), "only the successful create is audited");
        });
    }

    [Test]
    public async Task An_allowed_host_may_be_registered()
    {
        await using var app = new Testing.ApplicationTestHost(Database, new Dictionary<string, string?> { ["Webhooks:AllowedHosts:0"] = "127.0.0.1" });
        var admin = await app.CreateUserAsync(null, Domain.Identity.Role.Admin);

        var created = await app.SendAsync(new CreateWebhookEndpointCommand("http://127.0.0.1:9000/hook", null, ["*"]), admin);

        Assert.That(created.Url, Is.EqualTo("http://127.0.0.1:9000/hook"));
    }

    [Test]
    public async Task Https_is_required_when_configured()
    {
        await using var app = new Testing.ApplicationTestHost(Database, new Dictionary<string, string?> { ["Webhooks:RequireHttps"] = "true" });
        var admin = await app.CreateUserAsync(null, Domain.Identity.Role.Admin);

        var ex = Assert.ThrowsAsync<DomainException>(() => app.SendAsync(new CreateWebhookEndpointCommand("http://93.184.215.14/hook", null, ["*"]), admin));

        Assert.That((ex!.Code, ex.Field), Is.EqualTo((WebhookErrorCodes.InvalidUrl, "url")));
    }

    [Test]
    public async Task Update_merges_honours_if_match_and_disabling_records_why()
    {
        var admin = await AdminAsync();
        var created = await App.SendAsync(new CreateWebhookEndpointCommand(Url, "CRM", ["*"]), admin);

        var stale = Assert.ThrowsAsync<PreconditionFailedException>(() => App.SendAsync(
            new UpdateWebhookEndpointCommand(created.Id, default, new Optional<string?>("x"), default, default, [7]), admin));
        var updated = await App.SendAsync(
            new UpdateWebhookEndpointCommand(created.Id, default, new Optional<string?>("Billing"), default, new Optional<bool?>(false), [1]), admin);

        Assert.Multiple(() =>
        {
            Assert.That(stale, Is.Not.Null);
            Assert.That(updated.Description, Is.EqualTo("Billing"));
            Assert.That(updated.Url, Is.EqualTo(Url));
            Assert.That(updated.Enabled, Is.False);
            Assert.That(updated.DisabledReason, Is.EqualTo(WebhookDisabledReason.Manual));
            Assert.That(updated.Version, Is.EqualTo(2));
        });
    }

    [Test]
    public async Task Only_admins_manage_endpoints()
    {
        var agent = await AgentAsync();

        Assert.Multiple(() =>
        {
            Assert.ThrowsAsync<ForbiddenException>(() => App.SendAsync(new CreateWebhookEndpointCommand(Url, null, ["*"]), agent));
            Assert.ThrowsAsync<ForbiddenException>(() => App.SendAsync(new ListWebhookEndpointsQuery(), agent));
            Assert.ThrowsAsync<ForbiddenException>(() => App.SendAsync(new RotateWebhookEndpointSecretCommand(Guid.CreateVersion7()), agent));
        });
    }

    [Test]
    public async Task The_list_pages_newest_first_and_a_deleted_endpoint_is_gone()
    {
        var admin = await AdminAsync();
        var first = await App.SendAsync(new CreateWebhookEndpointCommand(Url, "1", ["*"]), admin);
        var second = await App.SendAsync(new CreateWebhookEndpointCommand(Url, "2", ["*"]), admin);
        var third = await App.SendAsync(new CreateWebhookEndpointCommand(Url, "3", ["*"]), admin);

        var page1 = await App.SendAsync(new ListWebhookEndpointsQuery(2), admin);
        var page2 = await App.SendAsync(new ListWebhookEndpointsQuery(2, page1.NextCursor), admin);
        await App.SendAsync(new DeleteWebhookEndpointCommand(second.Id), admin);

        Assert.Multiple(() =>
        {
            Assert.That(page1.Items.Select(e => e.Id), Is.EqualTo(new[] { third.Id, second.Id }));
            Assert.That(page2.Items.Select(e => e.Id), Is.EqualTo(new[] { first.Id }));
            Assert.That(page2.NextCursor, Is.Null);
            Assert.ThrowsAsync<NotFoundException>(() => App.SendAsync(new GetWebhookEndpointQuery(second.Id), admin));
            Assert.ThrowsAsync<NotFoundException>(() => App.SendAsync(new DeleteWebhookEndpointCommand(second.Id), admin));
        });
    }

    private async Task<string> SealedAsync(Guid id) => await TextAsync($"SELECT secret_ciphertext FROM webhook_endpoints WHERE id = '{id}'");

    private async Task<string> RowTextAsync(string table, Guid id) => await TextAsync($"SELECT t::text FROM {table} t WHERE id = '{id}'");

    private async Task<string> TextAsync(string sql)
    {
        await using var command = Database.DataSource.CreateCommand(sql);
        return (string)(await command.ExecuteScalarAsync())!;
    }
}
