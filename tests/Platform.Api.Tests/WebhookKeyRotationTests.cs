using System.Security.Cryptography;
using Microsoft.AspNetCore.Http;
using NUnit.Framework;
using Platform.Api.Tests.Infrastructure;
using Platform.Testing;
using StandardWebhooks;

namespace Platform.Api.Tests;

/// <summary>
/// Rotating <c>Webhooks:SecretEncryptionKey</c>: with the old key listed as previous, secrets sealed under it still
/// sign; <c>POST /api/v1/webhooks/secrets/reseal</c> seals them under the new key, after which the old key can go and
/// deliveries still verify with the same secret. The receivers notice nothing.
/// </summary>
public sealed class WebhookKeyRotationTests : ApiTestBase
{
    private WebhookReceiver receiver = null!;

    // This class's own host only registers the endpoint; the hosts made in the test (with other keys) deliver.
    protected override IDictionary<string, string?>? Settings => new Dictionary<string, string?>
    {
        ["Webhooks:AllowedHosts:0"] = "127.0.0.1",
        ["Webhooks:Delivery:Enabled"] = "false",
        ["Webhooks:SecretEncryptionKey"] = TestKeys.WebhookSecretEncryptionKey,
    };

    [OneTimeSetUp]
    public void StartReceiver() => receiver = WebhookReceiver.Start();

    [OneTimeTearDown]
    public async Task StopReceiver() => await receiver.DisposeAsync();

    [Test]
    public async Task After_a_key_rotation_reseal_moves_every_secret_to_the_new_key_and_the_old_key_can_go()
    {
        using var admin = Client((await AdminAsync()).Token);
        var path = $"/rekeyed-{Guid.NewGuid():N}";
        var created = await JsonAsync(await SendAsync(admin, HttpMethod.Post, "/api/v1/webhooks/endpoints", $$"""{"url":"{{receiver.Url(path)}}","event_types":["tickets.created"]}"""));
        var secret = StringOf(created, "secret")!;
        var sealedBefore = await SealedSecretAsync(IdOf(created));
        var newKey = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

        int resealed, resealedAgain;
        await using (var rotating = Host(new() { ["Webhooks:SecretEncryptionKey"] = newKey, ["Webhooks:PreviousSecretEncryptionKeys:0"] = TestKeys.WebhookSecretEncryptionKey }))
        {
            using var client = rotating.CreateClient();
            client.DefaultRequestHeaders.Authorization = admin.DefaultRequestHeaders.Authorization;
            await CreateTicketAsync(client, "before the reseal");
            await receiver.WaitForAsync(path, 1, TimeSpan.FromSeconds(15));
            resealed = (await JsonAsync(await SendAsync(client, HttpMethod.Post, "/api/v1/webhooks/secrets/reseal")))["resealed_endpoints"]!.GetValue<int>();
            resealedAgain = (await JsonAsync(await SendAsync(client, HttpMethod.Post, "/api/v1/webhooks/secrets/reseal")))["resealed_endpoints"]!.GetValue<int>();
        }

        var sealedAfter = await SealedSecretAsync(IdOf(created));
        await using (var newOnly = Host(new() { ["Webhooks:SecretEncryptionKey"] = newKey }))
        {
            using var client = newOnly.CreateClient();
            client.DefaultRequestHeaders.Authorization = admin.DefaultRequestHeaders.Authorization;
            await CreateTicketAsync(client, "after the old key went");
            await receiver.WaitForAsync(path, 2, TimeSpan.FromSeconds(15));
        }

        var got = receiver.At(path);
        Assert.Multiple(async () =>
        {
            Assert.That(resealed, Is.EqualTo(1));
            Assert.That(resealedAgain, Is.Zero, "every row is under the current key now");
            Assert.That(sealedAfter.Split(':')[1], Is.Not.EqualTo(sealedBefore.Split(':')[1]), "the row names the new key");
            Assert.That(sealedAfter, Does.Not.Contain(secret[6..]));
            foreach (var message in got)
            {
                var headers = new HeaderDictionary { ["webhook-id"] = message.Id, ["webhook-timestamp"] = message.Timestamp, ["webhook-signature"] = message.Signature };
                Assert.DoesNotThrow(() => new StandardWebhook(secret).Verify(message.Body, headers), "the receiver's secret is unchanged");
            }

            Assert.That(await Database.CountAsync("audit_log", "action = 'webhooks.secrets.reseal'"), Is.EqualTo(2));
        });
    }

    private PlatformApiFactory Host(Dictionary<string, string?> keys)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Webhooks:AllowedHosts:0"] = "127.0.0.1",
            ["Webhooks:Delivery:PollInterval"] = "00:00:01",
        };
        foreach (var (key, value) in keys)
        {
            settings[key] = value;
        }

        return new PlatformApiFactory(Database, settings);
    }

    private async Task<string> SealedSecretAsync(Guid endpointId)
    {
        await using var command = Database.DataSource.CreateCommand($"SELECT secret_ciphertext FROM webhook_endpoints WHERE id = '{endpointId}'");
        return (string)(await command.ExecuteScalarAsync())!;
    }
}
