using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Platform.Api.Http;

/// <summary>
/// Validates each access token once (signature, issuer, audience, lifetime) and then answers from memory until the
/// moment validation itself would start refusing it (its expiry plus the clock skew). A client sends the same token
/// for minutes, so an ES256 verification per request was the largest single cost of an authenticated read
/// (docs/performance.md). Only valid results are kept, keyed by the SHA-256 of the token, at most
/// <see cref="Capacity"/> of them. Revocation is not cached here: the bearer's OnTokenValidated event checks the
/// session on every request, cached or not. Signing keys are read once at start-up, so a key removed from the
/// configuration leaves with the restart that removes it, and this cache with it.
/// </summary>
internal sealed class CachingJsonWebTokenHandler : JsonWebTokenHandler, IDisposable
{
    /// <summary>Validated tokens kept: about 3 kB each, so the default costs at most about 12 MB.</summary>
    public const int Capacity = 4096;

    private readonly MemoryCache cache = new(new MemoryCacheOptions { SizeLimit = Capacity });

    private readonly TimeProvider clock;

    public CachingJsonWebTokenHandler(TimeProvider clock)
    {
        this.clock = clock;
        MapInboundClaims = false;
    }

    public override async Task<TokenValidationResult> ValidateTokenAsync(string token, TokenValidationParameters validationParameters)
    {
        ArgumentNullException.ThrowIfNull(validationParameters);
        if (string.IsNullOrEmpty(token) || token.Length > MaximumTokenSizeInBytes)
        {
            return await base.ValidateTokenAsync(token, validationParameters);
        }

        var key = Digest(token);
        if (cache.TryGetValue(key, out TokenValidationResult? known) && known is not null)
        {
            return known;
        }

        var result = await base.ValidateTokenAsync(token, validationParameters);
        if (result.IsValid && result.SecurityToken is JsonWebToken jwt && jwt.ValidTo != DateTime.MinValue)
        {
            var refusedFrom = new DateTimeOffset(jwt.ValidTo, TimeSpan.Zero) + validationParameters.ClockSkew;
            var now = clock.GetUtcNow();
            if (refusedFrom > now)
            {
                cache.Set(key, result, new MemoryCacheEntryOptions { Size = 1, AbsoluteExpirationRelativeToNow = refusedFrom - now });
            }
        }

        return result;
    }

    public void Dispose() => cache.Dispose();

    private static TokenDigest Digest(string token)
    {
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        var length = Encoding.UTF8.GetMaxByteCount(token.Length);
        var utf8 = length <= 4096 ? stackalloc byte[length] : new byte[length];
        var written = Encoding.UTF8.GetBytes(token, utf8);
        SHA256.HashData(utf8[..written], hash);
        return MemoryMarshal.Read<TokenDigest>(hash);
    }

    [StructLayout(LayoutKind.Sequential)]
    private readonly record struct TokenDigest(UInt128 High, UInt128 Low);
}
