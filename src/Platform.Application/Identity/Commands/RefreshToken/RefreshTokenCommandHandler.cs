using System.Security.Cryptography;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Platform.Application.Common.Auditing;
using Platform.Application.Common.Errors;
using Platform.Application.Common.Interfaces;
using Platform.Domain.Identity;

namespace Platform.Application.Identity.Commands.RefreshToken;

internal sealed class RefreshTokenCommandHandler(
    IPlatformDbContext db,
    ISessionLocks sessionLocks,
    ITokenService tokens,
    ICurrentUser currentUser,
    IRequestContext requestContext,
    IOptions<AuthOptions> options,
    TimeProvider timeProvider) : IRequestHandler<RefreshTokenCommand, RefreshOutcome>
{
    public async Task<RefreshOutcome> Handle(RefreshTokenCommand request, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var hash = tokens.HashRefreshToken(request.RefreshToken);
        var now = timeProvider.GetUtcNowMicros();

        var sessionId = await db.RefreshTokens.Where(t => t.TokenHash == hash).Select(t => (Guid?)t.SessionId).FirstOrDefaultAsync(cancellationToken)
            ?? throw Invalid();

        // Row lock on the session: two refreshes racing with one token (or with a revocation) are serialised, and
        // the token row is read again under the lock.
        var session = await sessionLocks.LockForRotationAsync(sessionId, cancellationToken);
        var presented = await db.RefreshTokens.FirstAsync(t => t.TokenHash == hash, cancellationToken);
        if (!session.IsActive(now))
        {
            throw session.RevokedAt is null ? Invalid() : new UnauthorizedException(IdentityErrorCodes.SessionRevoked, "This session was signed out. Sign in again.");
        }

        var user = await db.Users.AsNoTracking().FirstAsync(u => u.Id == session.UserId, cancellationToken);
        if (user.IsDisabled)
        {
            // Disabling revokes sessions; this only catches one that slipped past, and ends it.
            session.Revoke(now, SessionRevokeReason.AccountDisabled);
            return new RefreshOutcome(null, new ForbiddenException(IdentityErrorCodes.AccountDisabled, "This account is disabled. Contact an administrator."));
        }

        if (!presented.IsRotated)
        {
            var salt = RandomNumberGenerator.GetBytes(32);
            var successor = tokens.DeriveSuccessor(request.RefreshToken, salt);
            presented.MarkRotated(now, salt);
            db.RefreshTokens.Add(Domain.Identity.RefreshToken.Issue(session.Id, successor.Hash, now));
            session.Touch(now, settings.SessionIdleLifetime, currentUser.ClientIp);
            return Issue(user, session, successor.Token);
        }

        // An exchanged token again. Within the overlap window, the immediately previous token (whose successor is
        // still the current one) gets that same successor back; anything else is a stolen or replayed token.
        if (presented.IsWithinOverlap(now, settings.RefreshTokenOverlap) && presented.SuccessorSalt is { } previousSalt)
        {
            var successor = tokens.DeriveSuccessor(request.RefreshToken, previousSalt);
            var successorIsCurrent = await db.RefreshTokens.AnyAsync(t => t.TokenHash == successor.Hash && t.RotatedAt == null, cancellationToken);
            if (successorIsCurrent)
            {
                return Issue(user, session, successor.Token);
            }
        }

        session.Revoke(now, SessionRevokeReason.RefreshTokenReused);
        AuditLog.Add(
            db, currentUser, requestContext, now, "sessions.refresh_reuse_detected", "session", session.Id, AuditOutcome.Failed,
            new { token_issued_at = presented.IssuedAt, token_rotated_at = presented.RotatedAt, device_name = session.DeviceName },
            actorId: session.UserId);
        return new RefreshOutcome(
            null,
            new UnauthorizedException(IdentityErrorCodes.RefreshTokenReused, "This refresh token was already used, so the session was signed out for safety. Sign in again."));
    }

    private static UnauthorizedException Invalid() =>
        new(IdentityErrorCodes.InvalidRefreshToken, "The refresh token is not valid. Sign in again.");

    private RefreshOutcome Issue(User user, UserSession session, string refreshToken)
    {
        var access = tokens.CreateAccessToken(user, session.Id);
        return new RefreshOutcome(new TokenDto(access.Token, "Bearer", access.ExpiresInSeconds, refreshToken, session.Id), null);
    }
}
