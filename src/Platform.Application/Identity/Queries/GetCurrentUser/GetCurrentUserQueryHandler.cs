using MediatR;
using Microsoft.EntityFrameworkCore;
using Platform.Application.Common.Errors;
using Platform.Application.Common.Interfaces;

namespace Platform.Application.Identity.Queries.GetCurrentUser;

internal sealed class GetCurrentUserQueryHandler(IPlatformDbContext db, ICurrentUser currentUser) : IRequestHandler<GetCurrentUserQuery, UserDto>
{
    public async Task<UserDto> Handle(GetCurrentUserQuery request, CancellationToken cancellationToken)
    {
        var user = await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.Id == currentUser.UserId, cancellationToken)
            ?? throw new UnauthorizedException(ErrorCodes.AuthUnauthorized, "The account no longer exists.");
        return UserDto.From(user);
    }
}
