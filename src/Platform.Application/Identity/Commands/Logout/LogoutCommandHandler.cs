using MediatR;
using Platform.Application.Common.Interfaces;
using Platform.Domain.Identity;

namespace Platform.Application.Identity.Commands.Logout;

internal sealed class LogoutCommandHandler(
    IPlatformDbContext db,
    ICurrentUser currentUser,
    ISessionRevocationPublisher publisher,
    TimeProvider timeProvider) : IRequestHandler<LogoutCommand, RevocationResultDto>
{
    public async Task<RevocationResultDto> Handle(LogoutCommand request, CancellationToken cancellationToken)
    {
        var current = currentUser.SessionId;
        var session = db.UserSessions.Where(s => s.Id == current && s.UserId == currentUser.UserId);
        var revoked = await db.RevokeAsync(publisher, session, SessionRevokeReason.Logout, timeProvider.GetUtcNowMicros(), cancellationToken);
        return new RevocationResultDto(revoked);
    }
}
