using MediatR;
using Platform.Application.Common.Interfaces;
using Platform.Domain.Identity;

namespace Platform.Application.Identity.Commands.RevokeOtherSessions;

internal sealed class RevokeOtherSessionsCommandHandler(
    IPlatformDbContext db,
    ICurrentUser currentUser,
    TimeProvider timeProvider) : IRequestHandler<RevokeOtherSessionsCommand, RevocationResultDto>
{
    public async Task<RevocationResultDto> Handle(RevokeOtherSessionsCommand request, CancellationToken cancellationToken)
    {
        // The command names the caller's session (for the idempotency fingerprint); the access token decides.
        var current = currentUser.SessionId;
        if (request.SessionId != current)
        {
            throw new Common.Errors.RequestValidationException("session_id", "The command must name the caller's own session.");
        }

        var others = db.UserSessions.Where(s => s.UserId == currentUser.UserId && s.Id != current);
        var revoked = await db.RevokeAsync(others, SessionRevokeReason.SignedOutElsewhere, timeProvider.GetUtcNowMicros(), cancellationToken);
        return new RevocationResultDto(revoked);
    }
}
