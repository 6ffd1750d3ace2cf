using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Platform.Domain.Inbound;

/// <summary>
/// Verifies Standard Webhooks (Svix) requests: <c>webhook-id</c> (or <c>svix-id</c>), <c>-timestamp</c> and
/// <c>-signature</c>, the last a space-separated list of <c>v1,&lt;base64 HMAC-SHA256&gt;</c> over
/// <c>{id}.{timestamp}.{raw body}</c>, keyed with the decoded <c>whsec_</c> secret. Any signature made with any of
/// the configured secrets passes (rotation); every comparison is constant-time; a timestamp outside the tolerance
/// fails, so a captured request cannot be replayed later.
/// </summary>
public static class StandardWebhooksVerifier
{
    private const string SecretPrefix = "whsec_";

    public static InboundVerification Verify(
        IReadOnlyList<string> secrets, string? id, string? timestamp, string? signatures, ReadOnlySpan<byte> body, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(secrets);
        if (string.IsNullOrEmpty(id) || string.IsNullOrEmpty(timestamp) || string.IsNullOrEmpty(signatures))
        {
            return InboundVerification.Refused("missing webhook-id, webhook-timestamp or webhook-signature");
        }

        if (!long.TryParse(timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
        {
            return InboundVerification.Refused("webhook-timestamp is not a Unix time in seconds");
        }

        if (!InboundWebhookRules.IsFresh(seconds, now))
        {
            return InboundVerification.Refused("webhook-timestamp is outside the 5-minute tolerance");
        }

        var offered = Offered(signatures);
        if (offered.Count == 0)
        {
            return InboundVerification.Refused("webhook-signature has no v1 signature");
        }

        var prefix = Encoding.UTF8.GetBytes($"{id}.{timestamp}.");
        var content = new byte[prefix.Length + body.Length];
        prefix.CopyTo(content, 0);
        body.CopyTo(content.AsSpan(prefix.Length));
        foreach (var secret in secrets)
        {
            if (Key(secret) is not { } key)
            {
                continue;
            }

            var expected = HMACSHA256.HashData(key, content);
            foreach (var signature in offered)
            {
                if (CryptographicOperations.FixedTimeEquals(expected, signature))
                {
                    return InboundVerification.Passed;
                }
            }
        }

        return InboundVerification.Refused("no signature matches a configured secret");
    }

    /// <summary>Whether <paramref name="secret"/> is a usable secret: <c>whsec_</c> and base64 of at least 24 bytes.</summary>
    public static bool IsValidSecret(string? secret) => secret is not null && Key(secret) is { Length: >= 24 };

    private static byte[]? Key(string secret)
    {
        var encoded = secret.StartsWith(SecretPrefix, StringComparison.Ordinal) ? secret[SecretPrefix.Length..] : secret;
        var buffer = new byte[encoded.Length];
        return Convert.TryFromBase64String(encoded, buffer, out var written) && written > 0 ? buffer[..written] : null;
    }

    private static List<byte[]> Offered(string header)
    {
        var offered = new List<byte[]>();
        foreach (var part in header.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var comma = part.IndexOf(',', StringComparison.Ordinal);
            if (comma <= 0 || !part.AsSpan(0, comma).SequenceEqual("v1"))
            {
                continue;
            }

            var encoded = part[(comma + 1)..];
            var buffer = new byte[encoded.Length];
            if (Convert.TryFromBase64String(encoded, buffer, out var written) && written == 32)
            {
                offered.Add(buffer[..written]);
            }
        }

        return offered;
    }
}
