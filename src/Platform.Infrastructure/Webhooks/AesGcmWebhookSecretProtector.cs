using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using Platform.Application.Webhooks;
using Platform.Domain.Webhooks;
using Platform.Infrastructure.Crypto;

namespace Platform.Infrastructure.Webhooks;

/// <summary>
/// Seals signing secrets with AES-256-GCM under <c>Webhooks:SecretEncryptionKey</c> (<see cref="SecretKeyRing"/>,
/// bound to the endpoint's id). Keys in <c>Webhooks:PreviousSecretEncryptionKeys</c> open what they sealed but never
/// seal, so the key can be rotated without making existing rows unreadable.
/// </summary>
internal sealed class AesGcmWebhookSecretProtector : IWebhookSecretProtector
{
    private readonly SecretKeyRing ring;

    public AesGcmWebhookSecretProtector(IOptions<WebhookOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var settings = options.Value;
        var currentKey = SecretKeyRing.DecodeKey(settings.SecretEncryptionKey, "Webhooks:SecretEncryptionKey")
            ?? throw new InvalidOperationException("Webhooks:SecretEncryptionKey is not configured: base64 of 32 random bytes (env Webhooks__SecretEncryptionKey).");
        var previous = settings.PreviousSecretEncryptionKeys.Select((k, i) => SecretKeyRing.DecodeKey(k, $"Webhooks:PreviousSecretEncryptionKeys:{i}")!);
        ring = new SecretKeyRing(currentKey, previous, "platform-webhook-secret-key-id"u8.ToArray(), "platform-webhook-secret", "webhook secret", "Webhooks:SecretEncryptionKey and Webhooks:PreviousSecretEncryptionKeys");
    }

    public string Seal(WebhookSecret secret, Guid endpointId)
    {
        ArgumentNullException.ThrowIfNull(secret);
        var plaintext = Encoding.UTF8.GetBytes(secret.Value);
        try
        {
            return ring.Seal(plaintext, endpointId);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(plaintext);
        }
    }

    public WebhookSecret Open(string sealedSecret, Guid endpointId)
    {
        var plaintext = ring.Open(sealedSecret, endpointId);
        try
        {
            return WebhookSecret.Parse(Encoding.UTF8.GetString(plaintext));
        }
        finally
        {
            CryptographicOperations.ZeroMemory(plaintext);
        }
    }

    public bool IsSealedWithCurrentKey(string sealedSecret) => ring.IsSealedWithCurrentKey(sealedSecret);
}
