using MapsterMapper;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Platform.Application.Common.Errors;
using Platform.Application.Common.Interfaces;
using Platform.Domain.Identity;

namespace Platform.Application.Identity.Commands.DisableUser;

internal sealed class DisableUserCommandHandler(
    IPlatformDbContext db,
    IAdminRemovalLock adminRemovalLock,
    ICurrentUser currentUser,
    TimeProvider timeProvider,
    IMapper mapper) : IRequestHandler<DisableUserCommand, UserDto>
{
    public async Task<UserDto> Handle(DisableUserCommand request, CancellationToken cancellationToken)
    {
        var user = await db.Users.FirstOrDefaultAsync(u => u.Id == request.UserId, cancellationToken)
            ?? throw new NotFoundException(IdentityErrorCodes.UserNotFound, "No user has this id.");
        if (user.Id == currentUser.UserId)
        {
            throw new ConflictException(IdentityErrorCodes.CannotDisableSelf, "You cannot disable your own account; ask another admin.");
        }

        if (user.IsInRole(Role.Admin) && !user.IsDisabled)
        {
            // Same guard as role changes: at least one enabled admin must remain.
            await adminRemovalLock.AcquireAsync(cancellationToken);
            var admins = await db.Users.CountAsync(u => u.Roles.Contains(Role.Admin) && u.DisabledAt == null, cancellationToken);
            if (admins <= 1)
            {
                throw new ConflictException(IdentityErrorCodes.LastAdmin, "This is the last enabled admin: make another user an admin first.");
            }
        }

        var now = timeProvider.GetUtcNowMicros();
        user.Disable(now);
        await db.RevokeAsync(db.UserSessions.Where(s => s.UserId == user.Id), SessionRevokeReason.AccountDisabled, now, cancellationToken);
        return mapper.Map<UserDto>(user);
    }
}
