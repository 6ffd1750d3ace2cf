using MediatR;
using Microsoft.EntityFrameworkCore;
using Platform.Application.Common.Errors;
using Platform.Application.Common.Interfaces;

namespace Platform.Application.Identity.Commands.RefreshToken;

internal sealed class RefreshTokenCommandHandler(
    IPlatformDbContext db,
    ITokenService tokens,
    TimeProvider timeProvider) : IRequestHandler<RefreshTokenCommand, TokenDto>
{
    public async Task<TokenDto> Handle(RefreshTokenCommand request, CancellationToken cancellationToken)
    {
        var hash = tokens.HashRefreshToken(request.RefreshToken);
        var now = timeProvider.GetUtcNowMicros();

        // Row lock: two refreshes racing with one token cannot both rotate it.
        var session = await db.UserSessions
            .FromSql($"SELECT * FROM user_sessions WHERE refresh_token_hash = {hash} FOR UPDATE")
            .FirstOrDefaultAsync(cancellationToken);
        if (session is null || !session.IsActive(now))
        {
            throw new UnauthorizedException(ErrorCodes.AuthInvalidRefreshToken, "The refresh token is not valid. Sign in again.");
        }

        var user = await db.Users.FirstAsync(u => u.Id == session.UserId, cancellationToken);
        var refresh = tokens.CreateRefreshToken();
        session.Rotate(refresh.Hash, now);
        await db.SaveChangesAsync(cancellationToken);

        var access = tokens.CreateAccessToken(user, session.Id);
        return new TokenDto(access.Token, "Bearer", access.ExpiresInSeconds, refresh.Token, session.Id);
    }
}
