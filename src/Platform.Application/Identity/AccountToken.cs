using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace Platform.Application.Identity;

/// <summary>
/// A mailed account token: 32 random bytes, written as 43 base64url characters (in a link and as a code to paste),
/// stored as SHA-256 of that text. The token has 256 bits of entropy, so a plain hash is as good as a keyed one.
/// </summary>
public static class AccountToken
{
    public const int Length = 43;

    public static (string Token, byte[] Hash) Create()
    {
        var token = Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));
        return (token, Hash(token));
    }

    /// <summary>SHA-256 of the token as sent; surrounding spaces (from a pasted code) are ignored.</summary>
    public static byte[] Hash(string token) => SHA256.HashData(Encoding.ASCII.GetBytes(token.Trim()));

    /// <summary>43 base64url characters, after trimming: what <see cref="Create"/> makes.</summary>
    public static bool IsWellFormed(string? token)
    {
        var trimmed = token?.Trim();
        return trimmed is { Length: Length } && trimmed.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');
    }
}
