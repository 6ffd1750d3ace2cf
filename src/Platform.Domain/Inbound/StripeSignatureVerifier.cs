using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Platform.Domain.Inbound;

/// <summary>
/// Verifies Stripe-style signatures: <c>Stripe-Signature: t=&lt;unix seconds&gt;,v1=&lt;hex&gt;[,v1=...]</c>, where each
/// <c>v1</c> is the hex HMAC-SHA256 of <c>{t}.{raw body}</c> under the endpoint secret. Any <c>v1</c> that matches any
/// configured secret passes (Stripe sends several during a secret roll); other schemes (<c>v0</c>) are ignored;
/// comparisons are constant-time; <c>t</c> must be within the tolerance.
/// </summary>
public static class StripeSignatureVerifier
{
    public static InboundVerification Verify(IReadOnlyList<string> secrets, string? header, ReadOnlySpan<byte> body, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(secrets);
        if (string.IsNullOrEmpty(header))
        {
            return InboundVerification.Refused("missing signature header");
        }

        string? timestamp = null;
        var offered = new List<byte[]>();
        foreach (var item in header.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var equals = item.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0)
            {
                continue;
            }

            var (name, value) = (item[..equals], item[(equals + 1)..]);
            if (name == "t")
            {
                timestamp = value;
            }
            else if (name == "v1" && value.Length == 64 && IsHex(value))
            {
                offered.Add(Convert.FromHexString(value));
            }
        }

        if (timestamp is null || !long.TryParse(timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
        {
            return InboundVerification.Refused("the signature header has no t=<unix seconds>");
        }

        if (!InboundWebhookRules.IsFresh(seconds, now))
        {
            return InboundVerification.Refused("t is outside the 5-minute tolerance");
        }

        if (offered.Count == 0)
        {
            return InboundVerification.Refused("the signature header has no v1 signature");
        }

        var prefix = Encoding.UTF8.GetBytes($"{timestamp}.");
        var content = new byte[prefix.Length + body.Length];
        prefix.CopyTo(content, 0);
        body.CopyTo(content.AsSpan(prefix.Length));
        foreach (var secret in secrets.Where(s => !string.IsNullOrEmpty(s)))
        {
            var expected = HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), content);
            if (offered.Any(signature => CryptographicOperations.FixedTimeEquals(expected, signature)))
            {
                return InboundVerification.Passed;
            }
        }

        return InboundVerification.Refused("no v1 signature matches a configured secret");
    }

    private static bool IsHex(string value) => value.All(char.IsAsciiHexDigit);
}
