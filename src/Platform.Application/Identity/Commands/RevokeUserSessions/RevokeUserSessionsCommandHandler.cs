using MediatR;
using Microsoft.EntityFrameworkCore;
using Platform.Application.Common.Errors;
using Platform.Application.Common.Interfaces;
using Platform.Domain.Identity;

namespace Platform.Application.Identity.Commands.RevokeUserSessions;

internal sealed class RevokeUserSessionsCommandHandler(
    IPlatformDbContext db,
    TimeProvider timeProvider) : IRequestHandler<RevokeUserSessionsCommand, RevocationResultDto>
{
    public async Task<RevocationResultDto> Handle(RevokeUserSessionsCommand request, CancellationToken cancellationToken)
    {
        if (!await db.Users.AnyAsync(u => u.Id == request.UserId, cancellationToken))
        {
            throw new NotFoundException(IdentityErrorCodes.UserNotFound, "No user has this id.");
        }

        var sessions = db.UserSessions.Where(s => s.UserId == request.UserId);
        return new RevocationResultDto(await db.RevokeAsync(sessions, SessionRevokeReason.RevokedByAdmin, timeProvider.GetUtcNowMicros(), cancellationToken));
    }
}
