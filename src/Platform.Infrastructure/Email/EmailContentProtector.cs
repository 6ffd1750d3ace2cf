using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.Extensions.Options;
using Platform.Application.Common.Email;

namespace Platform.Infrastructure.Email;

/// <summary>
/// Seals a message's text and HTML parts for the time it waits in <c>email_messages</c>: AES-256-GCM under
/// <see cref="EmailOptions.ContentKey"/> (derived from <c>Auth:SecretKey</c>), with the message id as associated
/// data, so content copied to another row does not open. Stored as nonce, tag and ciphertext.
/// </summary>
internal sealed class EmailContentProtector(IOptions<EmailOptions> options)
{
    private const int NonceBytes = 12;
    private const int TagBytes = 16;

    public byte[] Seal(EmailContent content, Guid messageId)
    {
        ArgumentNullException.ThrowIfNull(content);
        var plain = JsonSerializer.SerializeToUtf8Bytes(new Parts(content.Text, content.Html));
        var sealedBytes = new byte[NonceBytes + TagBytes + plain.Length];
        var nonce = sealedBytes.AsSpan(0, NonceBytes);
        RandomNumberGenerator.Fill(nonce);
        using var aes = Cipher();
        aes.Encrypt(nonce, plain, sealedBytes.AsSpan(NonceBytes + TagBytes), sealedBytes.AsSpan(NonceBytes, TagBytes), messageId.ToByteArray());
        CryptographicOperations.ZeroMemory(plain);
        return sealedBytes;
    }

    /// <exception cref="CryptographicException">The content was altered, copied from another message, or sealed under another <c>Auth:SecretKey</c>.</exception>
    public (string Text, string Html) Open(byte[] sealedBytes, Guid messageId)
    {
        ArgumentNullException.ThrowIfNull(sealedBytes);
        if (sealedBytes.Length < NonceBytes + TagBytes)
        {
            throw new CryptographicException("The sealed content is too short.");
        }

        var plain = new byte[sealedBytes.Length - NonceBytes - TagBytes];
        using var aes = Cipher();
        aes.Decrypt(sealedBytes.AsSpan(0, NonceBytes), sealedBytes.AsSpan(NonceBytes + TagBytes), sealedBytes.AsSpan(NonceBytes, TagBytes), plain, messageId.ToByteArray());
        var parts = JsonSerializer.Deserialize<Parts>(plain) ?? throw new CryptographicException("The sealed content is empty.");
        return (parts.Text, parts.Html);
    }

    private AesGcm Cipher()
    {
        var key = options.Value.ContentKey;
        if (key.Length != 32)
        {
            throw new InvalidOperationException("Email:ContentKey is not configured: it must be 32 bytes derived from Auth:SecretKey at start-up.");
        }

        return new AesGcm(key, TagBytes);
    }

    private sealed record Parts(string Text, string Html);
}
