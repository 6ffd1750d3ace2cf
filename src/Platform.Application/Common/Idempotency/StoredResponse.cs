using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Platform.Application.Common.Auditing;
using Platform.Application.Common.Messaging;

namespace Platform.Application.Common.Idempotency;

/// <summary>
/// How an idempotent command's response is kept in <c>idempotency_keys.response_json</c> for its replay. A response
/// that carries a secret is encrypted; any other is stored as plain JSON, as before.
/// <list type="bullet">
/// <item>A response carries a secret when its type reaches a secret member (<see cref="SensitiveMembers.AnyIn"/>:
/// <see cref="SensitiveAttribute"/>, or a secret name), or when its JSON holds a secret name or a secret-shaped value
/// (the rules of <see cref="AuditRedactor.Redact"/>), so a forgotten attribute on a <c>whsec_...</c> value still does not leak.</item>
/// <item>Encryption is AES-256-GCM under <see cref="IdempotencyOptions.ResponseKey"/> (derived from
/// <c>Auth:SecretKey</c> by <see cref="DeriveKey"/>), with a random nonce, and the row's scope, operation and key as
/// associated data: a ciphertext copied to another caller's row does not open.</item>
/// <item>A stored response that cannot be read back (tampered, cut, written under another key, or plain text where the
/// type demands encryption) is an error, <see cref="StoredResponseUnreadableException"/>, never a missing key: the
/// change it belongs to was committed, so running the command again would repeat its side effect.</item>
/// </list>
/// </summary>
public static class StoredResponse
{
    /// <summary>Marks an encrypted response: <c>enc:v1:</c> then base64 of nonce, tag and ciphertext. Plain JSON never starts so.</summary>
    public const string EncryptedPrefix = "enc:v1:";

    public const int KeyBytes = 32;

    private const int NonceBytes = 12;

    private const int TagBytes = 16;

    /// <summary>HKDF info label; the fingerprint key uses another construction and label, so the two keys are unrelated.</summary>
    private static readonly byte[] KeyLabel = "platform-idempotency-response-v1"u8.ToArray();

    /// <summary>
    /// The response key from the server secret (<c>Auth:SecretKey</c>, decoded): HKDF-SHA256 with a fixed label, so
    /// every instance derives the same key without sharing another secret.
    /// </summary>
    public static byte[] DeriveKey(byte[] serverSecret)
    {
        ArgumentNullException.ThrowIfNull(serverSecret);
        return HKDF.DeriveKey(HashAlgorithmName.SHA256, serverSecret, KeyBytes, salt: [], info: KeyLabel);
    }

    /// <summary>Whether responses of this type are always encrypted (it reaches a secret member).</summary>
    public static bool AlwaysEncrypted(Type responseType) => SensitiveMembers.AnyIn(responseType);

    /// <summary>The text to store for <paramref name="response"/> in the row (scope, operation, key).</summary>
    public static string Write<TResponse>(TResponse response, byte[] key, string scope, string operation, string idempotencyKey)
    {
        var scratch = JsonScratch.Rent();
        try
        {
            JsonSerializer.Serialize(scratch.FirstWriter, response, ApplicationJson.Exact);
            var json = scratch.First.WrittenSpan;

            // The redaction rules only look here (SecretJson reads the JSON as it was written): is there a secret?
            if (!AlwaysEncrypted(typeof(TResponse)) && !SecretJson.HoldsSecret(json))
            {
                return Encoding.UTF8.GetString(json);
            }

            using var aes = Cipher(key);
            var sealedBytes = new byte[NonceBytes + TagBytes + json.Length];
            var nonce = sealedBytes.AsSpan(0, NonceBytes);
            RandomNumberGenerator.Fill(nonce);
            aes.Encrypt(nonce, json, sealedBytes.AsSpan(NonceBytes + TagBytes), sealedBytes.AsSpan(NonceBytes, TagBytes), AssociatedData(scope, operation, idempotencyKey));
            return EncryptedPrefix + Convert.ToBase64String(sealedBytes);
        }
        finally
        {
            JsonScratch.Return(scratch);
        }
    }

    /// <summary>The response stored in <paramref name="record"/>, decrypted when it was encrypted.</summary>
    /// <exception cref="StoredResponseUnreadableException">The stored text cannot be trusted to be what was written.</exception>
    public static TResponse Read<TResponse>(IdempotencyRecord record, byte[] key)
    {
        ArgumentNullException.ThrowIfNull(record);
        var stored = record.ResponseJson;
        if (!stored.StartsWith(EncryptedPrefix, StringComparison.Ordinal))
        {
            if (AlwaysEncrypted(typeof(TResponse)))
            {
                throw new StoredResponseUnreadableException(record.Operation, "it is plain text, but responses of this operation hold a secret and are stored encrypted");
            }

            return JsonSerializer.Deserialize<TResponse>(stored, ApplicationJson.Exact)!;
        }

        var sealedBytes = new byte[(stored.Length - EncryptedPrefix.Length) * 3 / 4];
        if (!Convert.TryFromBase64Chars(stored.AsSpan(EncryptedPrefix.Length), sealedBytes, out var length) || length < NonceBytes + TagBytes)
        {
            throw new StoredResponseUnreadableException(record.Operation, "it is not a well-formed encrypted response");
        }

        var plaintext = new byte[length - NonceBytes - TagBytes];
        using (var aes = Cipher(key))
        {
            try
            {
                aes.Decrypt(
                    sealedBytes.AsSpan(0, NonceBytes),
                    sealedBytes.AsSpan(NonceBytes + TagBytes, plaintext.Length),
                    sealedBytes.AsSpan(NonceBytes, TagBytes),
                    plaintext,
                    AssociatedData(record.Scope, record.Operation, record.Key));
            }
            catch (AuthenticationTagMismatchException ex)
            {
                throw new StoredResponseUnreadableException(record.Operation, "it does not authenticate under this server's key", ex);
            }
        }

        return JsonSerializer.Deserialize<TResponse>(plaintext, ApplicationJson.Exact)!;
    }

    private static AesGcm Cipher(byte[] key)
    {
        if (key is not { Length: KeyBytes })
        {
            throw new InvalidOperationException("Idempotency:ResponseKey is not configured: it must be 32 bytes derived from Auth:SecretKey (StoredResponse.DeriveKey).");
        }

        return new AesGcm(key, TagBytes);
    }

    /// <summary>The row's identity, length-prefixed so that no two rows give the same bytes.</summary>
    private static byte[] AssociatedData(string scope, string operation, string idempotencyKey)
    {
        var parts = new[] { scope, operation, idempotencyKey }.Select(Encoding.UTF8.GetBytes).ToArray();
        var data = new byte[parts.Sum(p => 4 + p.Length)];
        var offset = 0;
        foreach (var part in parts)
        {
            System.Buffers.Binary.BinaryPrimitives.WriteInt32BigEndian(data.AsSpan(offset), part.Length);
            part.CopyTo(data, offset + 4);
            offset += 4 + part.Length;
        }

        return data;
    }
}
