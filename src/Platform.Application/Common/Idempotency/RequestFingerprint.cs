using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Platform.Application.Common.Auditing;
using Platform.Application.Common.Messaging;

namespace Platform.Application.Common.Idempotency;

/// <summary>
/// The fingerprint stored with an idempotency key: HMAC-SHA256 of the operation, a line feed, and the request's JSON
/// (route ids and body, as <see cref="ApplicationJson.Exact"/> writes them) without its <c>idempotency_key</c>, in
/// lower-case hex. Keyed, because requests can hold secrets (a registration's password) and the fingerprint is stored
/// for a day. The JSON is serialised into a reused buffer and copied once, the key left out, into the bytes that are
/// hashed (<see cref="SecretJson.Copy"/>, which writes strings as a JSON tree does): the same bytes as the earlier form
/// (serialise to a node, remove the key, write the node), so keys stored before an upgrade still match.
/// </summary>
internal static class RequestFingerprint
{
    private static readonly string[] LeftOut = ["idempotency_key"];

    public static string Compute<TRequest>(byte[] secret, string operation, TRequest request)
    {
        if (secret.Length == 0)
        {
            throw new InvalidOperationException("Idempotency:FingerprintKey is not configured.");
        }

        var scratch = JsonScratch.Rent();
        try
        {
            JsonSerializer.Serialize(scratch.FirstWriter, request, ApplicationJson.Exact);

            var hashed = scratch.Second;
            var prefix = hashed.GetSpan(Encoding.UTF8.GetMaxByteCount(operation.Length) + 1);
            var length = Encoding.UTF8.GetBytes(operation, prefix);
            prefix[length] = (byte)'\n';
            hashed.Advance(length + 1);

            // The writer asks its buffer for memory only when it first writes, so the JSON follows the prefix.
            SecretJson.Copy(scratch.First.WrittenSpan, scratch.SecondWriter, LeftOut, redact: false);

            Span<byte> mac = stackalloc byte[HMACSHA256.HashSizeInBytes];
            HMACSHA256.HashData(secret, hashed.WrittenSpan, mac);
            return Convert.ToHexStringLower(mac);
        }
        finally
        {
            JsonScratch.Return(scratch);
        }
    }
}
