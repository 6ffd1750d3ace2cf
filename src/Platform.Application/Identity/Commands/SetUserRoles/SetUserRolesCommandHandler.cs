using MapsterMapper;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Platform.Application.Common.Errors;
using Platform.Application.Common.Interfaces;
using Platform.Domain.Identity;

namespace Platform.Application.Identity.Commands.SetUserRoles;

internal sealed class SetUserRolesCommandHandler(IPlatformDbContext db, IAdminRemovalLock adminRemovalLock, TimeProvider timeProvider, IMapper mapper) : IRequestHandler<SetUserRolesCommand, UserDto>
{
    public async Task<UserDto> Handle(SetUserRolesCommand request, CancellationToken cancellationToken)
    {
        var user = await db.Users.FirstOrDefaultAsync(u => u.Id == request.UserId, cancellationToken)
            ?? throw new NotFoundException(IdentityErrorCodes.UserNotFound, "No user has this id.");
        if (user.IsInRole(Role.Admin) && !user.IsDisabled && !request.Roles.Contains(Role.Admin, StringComparer.Ordinal))
        {
            // Serialise admin removals so two admins demoting each other cannot both succeed.
            await adminRemovalLock.AcquireAsync(cancellationToken);
            var admins = await db.Users.CountAsync(u => u.Roles.Contains(Role.Admin) && u.DisabledAt == null, cancellationToken);
            if (admins <= 1)
            {
                throw new ConflictException(IdentityErrorCodes.LastAdmin, "This is the last enabled admin: make another user an admin first.");
            }
        }

        user.SetRoles(request.Roles, timeProvider.GetUtcNowMicros());
        return mapper.Map<UserDto>(user);
    }
}
