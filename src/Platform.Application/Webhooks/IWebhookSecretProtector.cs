using Platform.Domain.Webhooks;

namespace Platform.Application.Webhooks;

/// <summary>
/// Seals signing secrets for storage and opens them to sign deliveries. A sealed secret is bound to its endpoint's
/// id (a sealed secret copied to another row does not open) and names the key that sealed it, so the key can be
/// rotated while older rows still open.
/// </summary>
public interface IWebhookSecretProtector
{
    string Seal(WebhookSecret secret, Guid endpointId);

    /// <exception cref="System.Security.Cryptography.CryptographicException">The text was altered, copied from another endpoint, or sealed under a key this server no longer has.</exception>
    WebhookSecret Open(string sealedSecret, Guid endpointId);

    /// <summary>Whether <paramref name="sealedSecret"/> names the current key (<c>Webhooks:SecretEncryptionKey</c>), so re-sealing it would change nothing.</summary>
    bool IsSealedWithCurrentKey(string sealedSecret);
}
