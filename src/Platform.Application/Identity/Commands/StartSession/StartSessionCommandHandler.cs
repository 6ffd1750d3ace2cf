using MediatR;
using Microsoft.Extensions.Options;
using Platform.Application.Common.Auditing;
using Platform.Application.Common.Errors;
using Platform.Application.Common.Interfaces;
using Platform.Domain.Identity;

namespace Platform.Application.Identity.Commands.StartSession;

internal sealed class StartSessionCommandHandler(
    IPlatformDbContext db,
    ISignInUsers signInUsers,
    ITokenService tokens,
    ICurrentUser currentUser,
    IRequestContext requestContext,
    IOptions<AuthOptions> options,
    TimeProvider timeProvider) : IRequestHandler<StartSessionCommand, TokenDto>
{
    public async Task<TokenDto> Handle(StartSessionCommand request, CancellationToken cancellationToken)
    {
        // Held until commit: a disable or password change that is committing waits for this sign-in or is waited
        // for, so a sign-in that checked the old state cannot leave a session behind it.
        var user = await signInUsers.FindHoldingChangesAsync(request.UserId, cancellationToken);
        if (user is null || user.IsDisabled || user.PasswordHash != request.CheckedPasswordHash)
        {
            throw new UnauthorizedException(IdentityErrorCodes.InvalidCredentials, "The email or password is wrong.");
        }

        var now = timeProvider.GetUtcNowMicros();
        var session = UserSession.Start(user.Id, request.DeviceName, request.UserAgent, currentUser.ClientIp, now, options.Value.SessionLifetimes);
        var refresh = tokens.CreateRefreshToken();
        db.UserSessions.Add(session);
        db.RefreshTokens.Add(Domain.Identity.RefreshToken.Issue(session.Id, refresh.Hash, now));
        AuditLog.Add(
            db, currentUser, requestContext, now, "auth.login_succeeded", "session", session.Id, AuditOutcome.Succeeded,
            request.SecondFactor is { } factor
                ? new { email = request.NormalizedEmail, device_name = session.DeviceName, second_factor = factor }
                : new { email = request.NormalizedEmail, device_name = session.DeviceName },
            actorId: user.Id);

        var access = tokens.CreateAccessToken(user, session.Id);
        return new TokenDto(access.Token, "Bearer", access.ExpiresInSeconds, refresh.Token, session.Id);
    }
}
