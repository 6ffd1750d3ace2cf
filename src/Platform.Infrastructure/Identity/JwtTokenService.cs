using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Platform.Application.Common.Interfaces;
using Platform.Application.Common.Security;
using Platform.Application.Identity;
using Platform.Domain.Identity;

namespace Platform.Infrastructure.Identity;

/// <summary>
/// Short-lived ES256 access tokens (with the signing key's <c>kid</c>) and opaque 256-bit refresh tokens stored only
/// as SHA-256 hashes.
/// </summary>
public sealed class JwtTokenService(IOptions<AuthOptions> options, SigningKeyRing keys, TimeProvider timeProvider) : ITokenService
{

    private readonly JsonWebTokenHandler handler = new();

    public AccessToken CreateAccessToken(User user, Guid sessionId)
    {
        ArgumentNullException.ThrowIfNull(user);
        var settings = options.Value;
        var now = timeProvider.GetUtcNow().UtcDateTime;
        var claims = new List<Claim>
        {
            new(PlatformClaims.Subject, user.Id.ToString()),
            new(PlatformClaims.TokenId, Guid.CreateVersion7().ToString()),
            new(PlatformClaims.Session, sessionId.ToString()),
            new(PlatformClaims.Name, user.DisplayName),
        };
        claims.AddRange(user.Roles.Select(r => new Claim(PlatformClaims.Role, r)));
        var descriptor = new SecurityTokenDescriptor
        {
            Issuer = settings.Issuer,
            Audience = settings.Audience,
            Subject = new ClaimsIdentity(claims),
            IssuedAt = now,
            NotBefore = now,
            Expires = now + settings.AccessTokenLifetime,
            SigningCredentials = keys.SigningCredentials,
        };
        return new AccessToken(handler.CreateToken(descriptor), (int)settings.AccessTokenLifetime.TotalSeconds);
    }

    public RefreshTokenPair CreateRefreshToken()
    {
        var token = Base64UrlEncoder.Encode(RandomNumberGenerator.GetBytes(32));
        return new RefreshTokenPair(token, HashRefreshToken(token));
    }

    public RefreshTokenPair DeriveSuccessor(string presentedToken, byte[] salt)
    {
        var token = Base64UrlEncoder.Encode(HMACSHA256.HashData(Encoding.UTF8.GetBytes(presentedToken), salt));
        return new RefreshTokenPair(token, HashRefreshToken(token));
    }

    public string HashRefreshToken(string refreshToken) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(refreshToken)));
}
