using Platform.Application.Common.Mapping;
using MapsterMapper;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Platform.Application.Common.Errors;
using Platform.Application.Common.Interfaces;

namespace Platform.Application.Identity.Queries.GetCurrentUser;

internal sealed class GetCurrentUserQueryHandler(IPlatformDbContext db, ICurrentUser currentUser, IMapper mapper) : IRequestHandler<GetCurrentUserQuery, UserDto>
{
    public async Task<UserDto> Handle(GetCurrentUserQuery request, CancellationToken cancellationToken)
    {
        var userId = currentUser.UserId;
        return await db.Users.AsNoTracking()
            .Where(u => u.Id == userId)
            .ProjectToDto<UserDto>(mapper.Config)
            .FirstOrDefaultAsync(cancellationToken)
            ?? throw new UnauthorizedException(ErrorCodes.AuthUnauthorized, "The account no longer exists.");
    }
}
