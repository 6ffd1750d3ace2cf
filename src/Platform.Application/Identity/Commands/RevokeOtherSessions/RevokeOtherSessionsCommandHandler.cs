using MediatR;
using Platform.Application.Common.Interfaces;
using Platform.Domain.Identity;

namespace Platform.Application.Identity.Commands.RevokeOtherSessions;

internal sealed class RevokeOtherSessionsCommandHandler(
    IPlatformDbContext db,
    ICurrentUser currentUser,
    ISessionRevocationPublisher publisher,
    TimeProvider timeProvider) : IRequestHandler<RevokeOtherSessionsCommand, RevocationResultDto>
{
    public async Task<RevocationResultDto> Handle(RevokeOtherSessionsCommand request, CancellationToken cancellationToken)
    {
        var current = currentUser.SessionId;
        var others = db.UserSessions.Where(s => s.UserId == currentUser.UserId && s.Id != current);
        var revoked = await db.RevokeAsync(publisher, others, SessionRevokeReason.SignedOutElsewhere, timeProvider.GetUtcNowMicros(), cancellationToken);
        return new RevocationResultDto(revoked);
    }
}
