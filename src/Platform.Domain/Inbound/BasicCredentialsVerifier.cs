using System.Security.Cryptography;
using System.Text;

namespace Platform.Domain.Inbound;

/// <summary>
/// Verifies HTTP Basic credentials (how Postmark authenticates its webhooks): <c>Authorization: Basic
/// base64(user:password)</c>. User name and password are compared as SHA-256 digests in constant time, so neither
/// their content nor their length shows in the response time.
/// </summary>
public static class BasicCredentialsVerifier
{
    public static InboundVerification Verify(string expectedUser, string expectedPassword, string? authorization)
    {
        ArgumentException.ThrowIfNullOrEmpty(expectedUser);
        ArgumentException.ThrowIfNullOrEmpty(expectedPassword);
        if (authorization is null || !authorization.StartsWith("Basic ", StringComparison.OrdinalIgnoreCase))
        {
            return InboundVerification.Refused("no Basic credentials");
        }

        var encoded = authorization["Basic ".Length..].Trim();
        var buffer = new byte[encoded.Length];
        if (!Convert.TryFromBase64String(encoded, buffer, out var written))
        {
            return InboundVerification.Refused("the Basic credentials are not base64");
        }

        var decoded = Encoding.UTF8.GetString(buffer, 0, written);
        var colon = decoded.IndexOf(':', StringComparison.Ordinal);
        if (colon < 0)
        {
            return InboundVerification.Refused("the Basic credentials have no ':'");
        }

        var userMatches = Same(decoded[..colon], expectedUser);
        var passwordMatches = Same(decoded[(colon + 1)..], expectedPassword);
        return userMatches & passwordMatches ? InboundVerification.Passed : InboundVerification.Refused("wrong user name or password");
    }

    private static bool Same(string given, string expected) =>
        CryptographicOperations.FixedTimeEquals(SHA256.HashData(Encoding.UTF8.GetBytes(given)), SHA256.HashData(Encoding.UTF8.GetBytes(expected)));
}
