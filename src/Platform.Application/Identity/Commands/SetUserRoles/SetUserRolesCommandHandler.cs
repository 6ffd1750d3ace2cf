using MediatR;
using Microsoft.EntityFrameworkCore;
using Platform.Application.Common.Errors;
using Platform.Application.Common.Interfaces;

namespace Platform.Application.Identity.Commands.SetUserRoles;

internal sealed class SetUserRolesCommandHandler(IPlatformDbContext db, TimeProvider timeProvider) : IRequestHandler<SetUserRolesCommand, UserDto>
{
    public async Task<UserDto> Handle(SetUserRolesCommand request, CancellationToken cancellationToken)
    {
        var user = await db.Users.FirstOrDefaultAsync(u => u.Id == request.UserId, cancellationToken)
            ?? throw new NotFoundException(ErrorCodes.UsersNotFound, "No user has this id.");
        user.SetRoles(request.Roles, timeProvider.GetUtcNowMicros());
        await db.SaveChangesAsync(cancellationToken);
        return UserDto.From(user);
    }
}
