using System.Buffers.Binary;
using System.Security.Cryptography;
using Microsoft.Extensions.Options;
using Platform.Application.Common.Errors;

namespace Platform.Application.Common.Paging;

/// <summary>
/// Opaque keyset cursors: base64url of (created_at microseconds, id, scope) followed by a truncated HMAC-SHA256,
/// so a malformed or edited cursor, or one taken from another list, is refused with 400 instead of silently
/// paging from the wrong place.
/// </summary>
public sealed class CursorCodec(IOptions<PagingOptions> options)
{
    private const int PayloadLength = 8 + 16;
    private const int MacLength = 16;

    public string Encode(KeysetPosition position, string scope)
    {
        Span<byte> buffer = stackalloc byte[PayloadLength + MacLength];
        BinaryPrimitives.WriteInt64BigEndian(buffer, ToMicroseconds(position.CreatedAt));
        position.Id.TryWriteBytes(buffer[8..24], bigEndian: true, out _);
        Mac(buffer[..PayloadLength], scope).AsSpan(0, MacLength).CopyTo(buffer[PayloadLength..]);
        return Convert.ToBase64String(buffer).TrimEnd('=').Replace('+', '-').Replace('/', '_');
    }

    public KeysetPosition Decode(string cursor, string scope)
    {
        var bytes = TryDecodeBase64Url(cursor);
        if (bytes is null || bytes.Length != PayloadLength + MacLength)
        {
            throw Invalid();
        }

        var expected = Mac(bytes.AsSpan(0, PayloadLength), scope).AsSpan(0, MacLength);
        if (!CryptographicOperations.FixedTimeEquals(expected, bytes.AsSpan(PayloadLength)))
        {
            throw Invalid();
        }

        var micros = BinaryPrimitives.ReadInt64BigEndian(bytes);
        var id = new Guid(bytes.AsSpan(8, 16), bigEndian: true);
        return new KeysetPosition(DateTimeOffset.UnixEpoch.AddTicks(micros * 10), id);
    }

    private static long ToMicroseconds(DateTimeOffset value) => (value.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks) / 10;

    private byte[] Mac(ReadOnlySpan<byte> payload, string scope)
    {
        var key = options.Value.CursorKey;
        if (key.Length == 0)
        {
            throw new InvalidOperationException("Paging:CursorKey is not configured.");
        }

        var scopeBytes = System.Text.Encoding.UTF8.GetBytes(scope);
        var input = new byte[payload.Length + scopeBytes.Length];
        payload.CopyTo(input);
        scopeBytes.CopyTo(input, payload.Length);
        return HMACSHA256.HashData(key, input);
    }

    private static byte[]? TryDecodeBase64Url(string value)
    {
        if (value.Length is 0 or > 200)
        {
            return null;
        }

        var s = value.Replace('-', '+').Replace('_', '/');
        s = (s.Length % 4) switch
        {
            2 => s + "==",
            3 => s + "=",
            0 => s,
            _ => string.Empty,
        };

        var buffer = new byte[s.Length];
        return s.Length > 0 && Convert.TryFromBase64String(s, buffer, out var written) ? buffer[..written] : null;
    }

    private static RequestValidationException Invalid() => new("cursor", "The cursor is malformed or was not issued for this list.");
}
