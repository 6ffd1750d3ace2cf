using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace BareApi;

/// <summary>
/// Platform's keyset cursor for the ticket list, byte for byte: base64url of (created_at in microseconds since the
/// Unix epoch, id, both big-endian) and the first 16 bytes of an HMAC-SHA256 over them and the list's scope, keyed
/// with HMAC-SHA256(secret, "platform-cursor-v1"). With Platform's secret, each app accepts the other's cursors.
/// </summary>
internal sealed class KeysetCursors(ReadOnlySpan<byte> secret)
{
    private const int PayloadLength = 8 + 16;
    private const int MacLength = 16;
    private static readonly byte[] Scope = Encoding.UTF8.GetBytes("tickets");

    private readonly byte[] key = HMACSHA256.HashData(secret, "platform-cursor-v1"u8);

    public string Encode(DateTime createdAt, Guid id)
    {
        Span<byte> cursor = stackalloc byte[PayloadLength + MacLength];
        BinaryPrimitives.WriteInt64BigEndian(cursor, (createdAt.ToUniversalTime() - DateTime.UnixEpoch).Ticks / 10);
        id.TryWriteBytes(cursor[8..PayloadLength], bigEndian: true, out _);
        Mac(cursor[..PayloadLength], cursor[PayloadLength..]);
        return Convert.ToBase64String(cursor).TrimEnd('=').Replace('+', '-').Replace('/', '_');
    }

    public bool TryDecode(string text, out DateTime createdAt, out Guid id)
    {
        createdAt = default;
        id = default;
        var base64 = text.Replace('-', '+').Replace('_', '/');
        base64 += (base64.Length % 4) switch { 2 => "==", 3 => "=", _ => string.Empty };
        Span<byte> cursor = stackalloc byte[PayloadLength + MacLength + 3];
        if (text.Length > 200 || !Convert.TryFromBase64String(base64, cursor, out var length) || length != PayloadLength + MacLength)
        {
            return false;
        }

        Span<byte> expected = stackalloc byte[MacLength];
        Mac(cursor[..PayloadLength], expected);
        if (!CryptographicOperations.FixedTimeEquals(expected, cursor[PayloadLength..length]))
        {
            return false;
        }

        createdAt = DateTime.UnixEpoch.AddTicks(BinaryPrimitives.ReadInt64BigEndian(cursor) * 10);
        id = new Guid(cursor[8..PayloadLength], bigEndian: true);
        return true;
    }

    private void Mac(ReadOnlySpan<byte> payload, Span<byte> destination)
    {
        Span<byte> input = stackalloc byte[PayloadLength + Scope.Length];
        payload.CopyTo(input);
        Scope.CopyTo(input[PayloadLength..]);
        Span<byte> mac = stackalloc byte[HMACSHA256.HashSizeInBytes];
        HMACSHA256.HashData(key, input, mac);
        mac[..MacLength].CopyTo(destination);
    }
}
