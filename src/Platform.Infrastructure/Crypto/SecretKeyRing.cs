using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace Platform.Infrastructure.Crypto;

/// <summary>
/// Seals small secrets for storage with AES-256-GCM: the stored text is
/// <c>v1:&lt;key id&gt;:&lt;base64 of nonce, tag and ciphertext&gt;</c>, where the key id is derived from the key
/// itself (the first 8 bytes of an HMAC of <c>keyIdLabel</c>, in hex), so a row says which key opens it and there is
/// nothing extra to configure. The first key seals; every key opens what it sealed, so a key can be rotated without
/// making existing rows unreadable. The associated data is <c>purpose</c>, the format, the key id and the owner's id,
/// so sealed text copied to another owner's row, relabelled with another key id, or moved to another purpose does
/// not open. Shared by the webhook signing secrets and the TOTP secrets, each with labels of its own.
/// </summary>
internal sealed class SecretKeyRing
{
    public const string Format = "v1";

    public const int KeyBytes = 32;

    private const int NonceBytes = 12;

    private const int TagBytes = 16;

    private readonly (string Id, byte[] Key) current;

    private readonly Dictionary<string, byte[]> openers;

    private readonly string purpose;

    private readonly string describedAs;

    private readonly string keySettings;

    /// <param name="currentKey">The key that seals (32 bytes).</param>
    /// <param name="previousKeys">Keys that only open.</param>
    /// <param name="keyIdLabel">The label the key id is an HMAC of.</param>
    /// <param name="purpose">The associated-data label, for example <c>platform-webhook-secret</c>.</param>
    /// <param name="describedAs">What a sealed value is, for exception messages (never holding a value).</param>
    /// <param name="keySettings">The settings that hold the keys, for the message when none of them opens a value.</param>
    public SecretKeyRing(byte[] currentKey, IEnumerable<byte[]> previousKeys, byte[] keyIdLabel, string purpose, string describedAs, string keySettings)
    {
        ArgumentNullException.ThrowIfNull(currentKey);
        ArgumentNullException.ThrowIfNull(previousKeys);
        KeyIdLabel = keyIdLabel;
        this.purpose = purpose;
        this.describedAs = describedAs;
        this.keySettings = keySettings;
        current = (KeyId(currentKey), currentKey);
        openers = new Dictionary<string, byte[]>(StringComparer.Ordinal) { [current.Id] = currentKey };
        foreach (var key in previousKeys)
        {
            openers.TryAdd(KeyId(key), key);
        }
    }

    private byte[] KeyIdLabel { get; }

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

    /// <summary>The id a sealed value names for <paramref name="key"/>.</summary>
    public string KeyId(byte[] key) => Convert.ToHexStringLower(HMACSHA256.HashData(key, KeyIdLabel)[..8]);

    public string Seal(ReadOnlySpan<byte> plaintext, Guid ownerId)
    {
        var sealedBytes = new byte[NonceBytes + TagBytes + plaintext.Length];
        var nonce = sealedBytes.AsSpan(0, NonceBytes);
        RandomNumberGenerator.Fill(nonce);
        using (var aes = new AesGcm(current.Key, TagBytes))
        {
            aes.Encrypt(nonce, plaintext, sealedBytes.AsSpan(NonceBytes + TagBytes), sealedBytes.AsSpan(NonceBytes, TagBytes), AssociatedData(current.Id, ownerId));
        }

        return $"{Format}:{current.Id}:{Convert.ToBase64String(sealedBytes)}";
    }

    /// <summary>The plaintext; the caller zeroes it once used.</summary>
    /// <exception cref="CryptographicException">The text was altered, copied from another owner, or sealed under a key this ring does not hold.</exception>
    public byte[] Open(string sealedText, Guid ownerId)
    {
        ArgumentNullException.ThrowIfNull(sealedText);
        var parts = sealedText.Split(':');
        if (parts.Length != 3 || parts[0] != Format)
        {
            throw new CryptographicException($"The sealed {describedAs} is not in the {Format} format.");
        }

        if (!openers.TryGetValue(parts[1], out var key))
        {
            throw new CryptographicException($"The {describedAs} was sealed under key {parts[1]}, which is none of {keySettings}.");
        }

        var sealedBytes = new byte[parts[2].Length];
        if (!Convert.TryFromBase64String(parts[2], sealedBytes, out var length) || length <= NonceBytes + TagBytes)
        {
            throw new CryptographicException($"The sealed {describedAs} is not well-formed base64.");
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
                AssociatedData(parts[1], ownerId));
        }

        return plaintext;
    }

    public bool IsSealedWithCurrentKey(string sealedText)
    {
        ArgumentNullException.ThrowIfNull(sealedText);
        return sealedText.StartsWith($"{Format}:{current.Id}:", StringComparison.Ordinal);
    }

    /// <summary>The purpose, format, key id and owner id, length-prefixed so that no two combinations give the same bytes.</summary>
    private byte[] AssociatedData(string keyId, Guid ownerId)
    {
        var label = Encoding.UTF8.GetBytes($"{purpose}:{Format}:{keyId}");
        var data = new byte[4 + label.Length + 16];
        BinaryPrimitives.WriteInt32BigEndian(data, label.Length);
        label.CopyTo(data, 4);
        ownerId.TryWriteBytes(data.AsSpan(4 + label.Length), bigEndian: true, out _);
        return data;
    }
}
