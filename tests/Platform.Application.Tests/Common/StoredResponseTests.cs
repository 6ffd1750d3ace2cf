using System.Security.Cryptography;
using NUnit.Framework;
using Platform.Application.Common.Idempotency;
using Platform.Application.Common.Messaging;
using Platform.Application.Tests.Auditing;

namespace Platform.Application.Tests.Common;

/// <summary>The pure rules for storing an idempotent response: which are encrypted, and how they read back.</summary>
public sealed class StoredResponseTests
{
    private static readonly byte[] ServerSecret = RandomNumberGenerator.GetBytes(32);

    private static readonly byte[] Key = StoredResponse.DeriveKey(ServerSecret);

    [Test]
    public void The_key_is_the_same_for_the_same_server_secret_and_unlike_the_fingerprint_key()
    {
        var fingerprintKey = HMACSHA256.HashData(ServerSecret, "platform-idempotency-fingerprint-v1"u8);

        Assert.Multiple(() =>
        {
            Assert.That(Key, Has.Length.EqualTo(32));
            Assert.That(StoredResponse.DeriveKey([.. ServerSecret]), Is.EqualTo(Key), "every instance derives the same key");
            Assert.That(Key, Is.Not.EqualTo(fingerprintKey));
            Assert.That(StoredResponse.DeriveKey(RandomNumberGenerator.GetBytes(32)), Is.Not.EqualTo(Key));
        });
    }

    [Test]
    public void A_marked_response_is_encrypted_with_a_fresh_nonce_each_time_and_reads_back()
    {
        var response = new Marked(Guid.CreateVersion7(), SecretRulesTests.WebhookSecret());

        var first = StoredResponse.Write(response, Key, "user:1", "Op", "k");
        var second = StoredResponse.Write(response, Key, "user:1", "Op", "k");

        Assert.Multiple(() =>
        {
            Assert.That(first, Does.StartWith(StoredResponse.EncryptedPrefix));
            Assert.That(first, Does.Not.Contain(response.ShownOnce[6..]).And.Not.Contain("shown_once"));
            Assert.That(second, Is.Not.EqualTo(first));
            Assert.That(StoredResponse.Read<Marked>(Row(first), Key), Is.EqualTo(response));
        });
    }

    [Test]
    public void A_response_is_encrypted_when_a_name_or_a_value_gives_a_secret_away_even_without_the_attribute()
    {
        Assert.Multiple(() =>
        {
            Assert.That(StoredResponse.Write(new Named("plain-value"), Key, "user:1", "Op", "k"), Does.StartWith(StoredResponse.EncryptedPrefix));
            Assert.That(StoredResponse.Write(new Unmarked(SecretRulesTests.WebhookSecret()), Key, "user:1", "Op", "k"), Does.StartWith(StoredResponse.EncryptedPrefix));
            Assert.That(StoredResponse.Write(new Unmarked("nothing secret"), Key, "user:1", "Op", "k"), Is.EqualTo("""{"value":"nothing secret"}"""));
        });
    }

    [Test]
    public void A_response_without_a_secret_needs_no_key_and_reads_back_as_before()
    {
        var stored = StoredResponse.Write(new Unmarked("printer"), [], "user:1", "Op", "k");

        Assert.That(StoredResponse.Read<Unmarked>(Row(stored), []), Is.EqualTo(new Unmarked("printer")));
    }

    [Test]
    public void A_response_that_must_be_encrypted_is_refused_without_a_key()
    {
        var error = Assert.Throws<InvalidOperationException>(() => StoredResponse.Write(new Marked(Guid.Empty, "s"), [], "user:1", "Op", "k"));

        Assert.That(error!.Message, Does.Contain("Idempotency:ResponseKey"));
    }

    [Test]
    public void Another_key_or_another_row_cannot_open_it()
    {
        var stored = StoredResponse.Write(new Marked(Guid.Empty, SecretRulesTests.WebhookSecret()), Key, "user:1", "Op", "k");
        var otherKey = StoredResponse.DeriveKey(RandomNumberGenerator.GetBytes(32));

        Assert.Multiple(() =>
        {
            Assert.Throws<StoredResponseUnreadableException>(() => StoredResponse.Read<Marked>(Row(stored), otherKey));
            Assert.Throws<StoredResponseUnreadableException>(() => StoredResponse.Read<Marked>(Row(stored, scope: "user:2"), Key), "another caller");
            Assert.Throws<StoredResponseUnreadableException>(() => StoredResponse.Read<Marked>(Row(stored, key: "k2"), Key), "another key");
            Assert.Throws<StoredResponseUnreadableException>(() => StoredResponse.Read<Marked>(Row(stored, operation: "Other"), Key), "another operation");
        });
    }

    [TestCase("flip")]
    [TestCase("truncate")]
    [TestCase("not base64")]
    [TestCase("prefix only")]
    [TestCase("plain text")]
    public void A_tampered_row_is_unreadable(string tampering)
    {
        var stored = StoredResponse.Write(new Marked(Guid.Empty, SecretRulesTests.WebhookSecret()), Key, "user:1", "Op", "k");
        var bytes = Convert.FromBase64String(stored[StoredResponse.EncryptedPrefix.Length..]);
        bytes[^1] ^= 1;
        var tampered = tampering switch
        {
            "flip" => StoredResponse.EncryptedPrefix + Convert.ToBase64String(bytes),
            "truncate" => StoredResponse.EncryptedPrefix + Convert.ToBase64String(bytes[..20]),
            "not base64" => StoredResponse.EncryptedPrefix + "%%%%",
            "prefix only" => StoredResponse.EncryptedPrefix,
            _ => """{"id":"00000000-0000-0000-0000-000000000000","shown_once":"whsec_chosen-by-someone-else"}""",
        };

        var error = Assert.Throws<StoredResponseUnreadableException>(() => StoredResponse.Read<Marked>(Row(tampered), Key));

        Assert.That(error!.Message, Does.Not.Contain("whsec_"));
    }

    private static IdempotencyRecord Row(string stored, string scope = "user:1", string operation = "Op", string key = "k") =>
        new() { Scope = scope, Operation = operation, Key = key, ResponseJson = stored };

    private sealed record Marked(Guid Id, [property: Sensitive] string ShownOnce);

    private sealed record Named(string ApiKey);

    private sealed record Unmarked(string Value);
}
