using MediatR;
using Microsoft.EntityFrameworkCore;
using Platform.Application.Common.Errors;
using Platform.Application.Common.Interfaces;
using Platform.Domain.Identity;

namespace Platform.Application.Identity.Commands.RevokeSession;

internal sealed class RevokeSessionCommandHandler(
    IPlatformDbContext db,
    ICurrentUser currentUser,
    TimeProvider timeProvider) : IRequestHandler<RevokeSessionCommand, RevocationResultDto>
{
    public async Task<RevocationResultDto> Handle(RevokeSessionCommand request, CancellationToken cancellationToken)
    {
        var mine = db.UserSessions.Where(s => s.Id == request.SessionId && s.UserId == currentUser.UserId);
        if (!await mine.AnyAsync(cancellationToken))
        {
            throw new NotFoundException(IdentityErrorCodes.SessionNotFound, "No session of yours has this id.");
        }

        var revoked = await db.RevokeAsync(mine, SessionRevokeReason.RevokedByUser, timeProvider.GetUtcNowMicros(), cancellationToken);
        return new RevocationResultDto(revoked);
    }
}
