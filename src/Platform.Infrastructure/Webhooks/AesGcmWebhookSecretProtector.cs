using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using Platform.Application.Webhooks;
using Platform.Domain.Webhooks;

namespace Platform.Infrastructure.Webhooks;

/// <summary>
/// Seals signing secrets with AES-256-GCM under <c>Webhooks:SecretEncryptionKey</c>. The stored text is
/// <c>v1:&lt;key id&gt;:&lt;base64 of nonce, tag and ciphertext&gt;</c>, where the key id is derived from the key
/// itself (the first 8 bytes of an HMAC of a fixed label, in hex): nothing extra to configure, and a row says which key
/// opens it. Keys in <c>Webhooks:PreviousSecretEncryptionKeys</c> open what they sealed but never seal, so the key can
/// be rotated without making existing rows unreadable. The associated data is the format, the key id and the
/// endpoint id, so a sealed secret copied to another endpoint's row, or relabelled with another key id, does not open.
/// </summary>
internal sealed class AesGcmWebhookSecretProtector : IWebhookSecretProtector
{
    public const string Format = "v1";

    public const int KeyBytes = 32;

    private const int NonceBytes = 12;

    private const int TagBytes = 16;

    private readonly (string Id, byte[] Key) current;

    private readonly Dictionary<string, byte[]> openers;

    public AesGcmWebhookSecretProtector(IOptions<WebhookOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var settings = options.Value;
        var currentKey = DecodeKey(settings.SecretEncryptionKey, "Webhooks:SecretEncryptionKey")
            ?? throw new InvalidOperationException("Webhooks:SecretEncryptionKey is not configured: base64 of 32 random bytes (env Webhooks__SecretEncryptionKey).");
        current = (KeyId(currentKey), currentKey);
        openers = new Dictionary<string, byte[]>(StringComparer.Ordinal) { [current.Id] = currentKey };
        foreach (var (encoded, index) in settings.PreviousSecretEncryptionKeys.Select((k, i) => (k, i)))
        {
            var key = DecodeKey(encoded, $"Webhooks:PreviousSecretEncryptionKeys:{index}")!;
            openers.TryAdd(KeyId(key), key);
        }
    }

    /// <summary>The id a sealed secret names for <paramref name="key"/>.</summary>
    public static string KeyId(byte[] key) => Convert.ToHexStringLower(HMACSHA256.HashData(key, "platform-webhook-secret-key-id"u8)[..8]);

    /// <summary>Null when the value is absent; otherwise the 32 key bytes, or an exception naming the setting.</summary>
    public static byte[]? DecodeKey(string? encoded, string setting)
    {
        if (string.IsNullOrWhiteSpace(encoded))
        {
            return null;
        }

        var buffer = new byte[encoded.Length];
        return Convert.TryFromBase64String(encoded, buffer, out var length) && length == KeyBytes
            ? buffer[..length]
            : throw new InvalidOperationException($"{setting} must be the base64 of exactly {KeyBytes} random bytes.");
    }

    public string Seal(WebhookSecret secret, Guid endpointId)
    {
        ArgumentNullException.ThrowIfNull(secret);
        var plaintext = Encoding.UTF8.GetBytes(secret.Value);
        var sealedBytes = new byte[NonceBytes + TagBytes + plaintext.Length];
        var nonce = sealedBytes.AsSpan(0, NonceBytes);
        RandomNumberGenerator.Fill(nonce);
        using (var aes = new AesGcm(current.Key, TagBytes))
        {
            aes.Encrypt(nonce, plaintext, sealedBytes.AsSpan(NonceBytes + TagBytes), sealedBytes.AsSpan(NonceBytes, TagBytes), AssociatedData(current.Id, endpointId));
        }

        CryptographicOperations.ZeroMemory(plaintext);
        return $"{Format}:{current.Id}:{Convert.ToBase64String(sealedBytes)}";
    }

    public WebhookSecret Open(string sealedSecret, Guid endpointId)
    {
        ArgumentNullException.ThrowIfNull(sealedSecret);
        var parts = sealedSecret.Split(':');
        if (parts.Length != 3 || parts[0] != Format)
        {
            throw new CryptographicException("The sealed webhook secret is not in the v1 format.");
        }

        if (!openers.TryGetValue(parts[1], out var key))
        {
            throw new CryptographicException($"The webhook secret was sealed under key {parts[1]}, which is neither Webhooks:SecretEncryptionKey nor one of Webhooks:PreviousSecretEncryptionKeys.");
        }

        var sealedBytes = new byte[parts[2].Length];
        if (!Convert.TryFromBase64String(parts[2], sealedBytes, out var length) || length <= NonceBytes + TagBytes)
        {
            throw new CryptographicException("The sealed webhook secret is not well-formed base64.");
        }

        var plaintext = new byte[length - NonceBytes - TagBytes];
        using (var aes = new AesGcm(key, TagBytes))
        {
            // Throws AuthenticationTagMismatchException (a CryptographicException) for altered or moved text.
            aes.Decrypt(
                sealedBytes.AsSpan(0, NonceBytes),
                sealedBytes.AsSpan(NonceBytes + TagBytes, plaintext.Length),
                sealedBytes.AsSpan(NonceBytes, TagBytes),
                plaintext,
                AssociatedData(parts[1], endpointId));
        }

        try
        {
            return WebhookSecret.Parse(Encoding.UTF8.GetString(plaintext));
        }
        finally
        {
            CryptographicOperations.ZeroMemory(plaintext);
        }
    }

    public bool IsSealedWithCurrentKey(string sealedSecret)
    {
        ArgumentNullException.ThrowIfNull(sealedSecret);
        return sealedSecret.StartsWith($"{Format}:{current.Id}:", StringComparison.Ordinal);
    }

    /// <summary>The format, the key id and the endpoint id, length-prefixed so that no two combinations give the same bytes.</summary>
    private static byte[] AssociatedData(string keyId, Guid endpointId)
    {
        var label = Encoding.UTF8.GetBytes($"platform-webhook-secret:{Format}:{keyId}");
        var data = new byte[4 + label.Length + 16];
        BinaryPrimitives.WriteInt32BigEndian(data, label.Length);
        label.CopyTo(data, 4);
        endpointId.TryWriteBytes(data.AsSpan(4 + label.Length), bigEndian: true, out _);
        return data;
    }
}
