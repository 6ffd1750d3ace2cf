using Platform.Domain.Identity;

namespace Platform.Application.Common.Interfaces;

public interface ITokenService
{
    /// <summary>Signs a short-lived access token for the user in the given session.</summary>
    AccessToken CreateAccessToken(User user, Guid sessionId);

    /// <summary>A new 256-bit random refresh token (to hand to the client once) and its hash (to store).</summary>
    RefreshTokenPair CreateRefreshToken();

    /// <summary>
    /// The successor of <paramref name="presentedToken"/>: a MAC of the salt keyed by the presented token, so only a
    /// holder of the presented token (and the server, which keeps the salt) can compute it.
    /// </summary>
    RefreshTokenPair DeriveSuccessor(string presentedToken, byte[] salt);

    string HashRefreshToken(string refreshToken);
}
