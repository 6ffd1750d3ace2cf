using MediatR;
using Platform.Application.Common.Interfaces;
using Platform.Domain.Identity;

namespace Platform.Application.Identity.Commands.Logout;

internal sealed class LogoutCommandHandler(
    IPlatformDbContext db,
    ICurrentUser currentUser,
    TimeProvider timeProvider) : IRequestHandler<LogoutCommand, RevocationResultDto>
{
    public async Task<RevocationResultDto> Handle(LogoutCommand request, CancellationToken cancellationToken)
    {
        // The command names the caller's session (for the idempotency fingerprint); the access token decides.
        var current = currentUser.SessionId;
        if (request.SessionId != current)
        {
            throw new Common.Errors.RequestValidationException("session_id", "The command must name the caller's own session.");
        }

        var session = db.UserSessions.Where(s => s.Id == current && s.UserId == currentUser.UserId);
        var revoked = await db.RevokeAsync(session, SessionRevokeReason.Logout, timeProvider.GetUtcNowMicros(), cancellationToken);
        return new RevocationResultDto(revoked);
    }
}
