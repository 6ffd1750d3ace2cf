using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Platform.Application.Common.Errors;
using Platform.Application.Common.Interfaces;
using Platform.Domain.Identity;

namespace Platform.Application.Identity.Commands.IssueToken;

internal sealed class IssueTokenCommandHandler(
    IPlatformDbContext db,
    IPasswordHasher passwordHasher,
    ITokenService tokens,
    IOptions<AuthOptions> options,
    TimeProvider timeProvider) : IRequestHandler<IssueTokenCommand, TokenDto>
{
    public async Task<TokenDto> Handle(IssueTokenCommand request, CancellationToken cancellationToken)
    {
        var normalized = EmailAddress.Normalize(request.Email);
        var user = await db.Users.FirstOrDefaultAsync(u => u.NormalizedEmail == normalized, cancellationToken);

        // Unknown accounts still pay for one hash check, so the response time does not reveal which emails exist.
        var valid = passwordHasher.Verify(user?.PasswordHash ?? passwordHasher.DummyHash, request.Password);
        if (user is null || !valid)
        {
            throw new UnauthorizedException(ErrorCodes.AuthInvalidCredentials, "The email or password is wrong.");
        }

        var refresh = tokens.CreateRefreshToken();
        var session = UserSession.Start(user.Id, refresh.Hash, timeProvider.GetUtcNowMicros(), options.Value.SessionLifetime);
        db.UserSessions.Add(session);
        await db.SaveChangesAsync(cancellationToken);

        var access = tokens.CreateAccessToken(user, session.Id);
        return new TokenDto(access.Token, "Bearer", access.ExpiresInSeconds, refresh.Token, session.Id);
    }
}
