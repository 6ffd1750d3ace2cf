using System.Security.Cryptography;
using Microsoft.Extensions.Options;
using NUnit.Framework;
using Platform.Application.Webhooks;
using Platform.Domain.Webhooks;
using Platform.Infrastructure.Webhooks;

namespace Platform.Application.Tests.Webhooks;

/// <summary>Signing secrets at rest: AES-GCM under the configured key, bound to the endpoint, with a key id that survives a key rotation.</summary>
public sealed class WebhookSecretProtectorTests
{
    private static readonly string KeyA = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
    private static readonly string KeyB = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    [Test]
    public void Seal_then_open_gives_the_secret_back_and_the_sealed_text_shows_nothing_of_it()
    {
        var protector = Protector(KeyA);
        var secret = WebhookSecret.Generate();
        var endpointId = Guid.CreateVersion7();

        var sealedSecret = protector.Seal(secret, endpointId);

        Assert.Multiple(() =>
        {
            Assert.That(sealedSecret, Does.Match("^v1:[0-9a-f]{16}:[A-Za-z0-9+/=]+$"));
            Assert.That(sealedSecret, Does.Not.Contain("whsec_").And.Not.Contain(secret.Value["whsec_".Length..]));
            Assert.That(protector.Open(sealedSecret, endpointId).Value, Is.EqualTo(secret.Value));
            Assert.That(protector.Seal(secret, endpointId), Is.Not.EqualTo(sealedSecret), "a fresh nonce every time");
        });
    }

    [Test]
    public void A_sealed_secret_copied_to_another_endpoint_does_not_open()
    {
        var protector = Protector(KeyA);
        var sealedSecret = protector.Seal(WebhookSecret.Generate(), Guid.CreateVersion7());

        Assert.Throws(Is.InstanceOf<CryptographicException>(), () => protector.Open(sealedSecret, Guid.CreateVersion7()));
    }

    [Test]
    public void An_altered_sealed_secret_does_not_open()
    {
        var protector = Protector(KeyA);
        var endpointId = Guid.CreateVersion7();
        var sealedSecret = protector.Seal(WebhookSecret.Generate(), endpointId);
        var bytes = Convert.FromBase64String(sealedSecret.Split(':')[2]);
        bytes[^1] ^= 1;
        var altered = $"{string.Join(':', sealedSecret.Split(':')[..2])}:{Convert.ToBase64String(bytes)}";

        Assert.Throws(Is.InstanceOf<CryptographicException>(), () => protector.Open(altered, endpointId));
    }

    [Test]
    public void After_a_key_rotation_old_rows_open_with_the_previous_key_and_new_rows_use_the_new_one()
    {
        var endpointId = Guid.CreateVersion7();
        var secret = WebhookSecret.Generate();
        var before = Protector(KeyA).Seal(secret, endpointId);

        var rotated = Protector(KeyB, KeyA);
        var after = rotated.Seal(secret, endpointId);

        Assert.Multiple(() =>
        {
            Assert.That(rotated.Open(before, endpointId).Value, Is.EqualTo(secret.Value));
            Assert.That(after.Split(':')[1], Is.Not.EqualTo(before.Split(':')[1]), "the new key seals, under its own id");
            Assert.That(() => Protector(KeyB).Open(before, endpointId), Throws.InstanceOf<CryptographicException>().With.Message.Contain("PreviousSecretEncryptionKeys"));
        });
    }

    [Test]
    public void Without_a_key_the_protector_says_which_setting_is_missing()
    {
        var ex = Assert.Throws<InvalidOperationException>(() => Protector(null));

        Assert.That(ex!.Message, Does.Contain("Webhooks:SecretEncryptionKey"));
    }

    [Test]
    public void A_key_that_is_not_32_bytes_is_refused()
    {
        Assert.Throws<InvalidOperationException>(() => Protector(Convert.ToBase64String(new byte[16])));
    }

    private static AesGcmWebhookSecretProtector Protector(string? key, params string[] previous) =>
        new(Options.Create(new WebhookOptions { SecretEncryptionKey = key, PreviousSecretEncryptionKeys = previous }));
}
