using MapsterMapper;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Platform.Application.Common.Errors;
using Platform.Application.Common.Interfaces;
using Platform.Domain.Identity;

namespace Platform.Application.Identity.Commands.EnableUser;

internal sealed class EnableUserCommandHandler(IPlatformDbContext db, TimeProvider timeProvider, IMapper mapper) : IRequestHandler<EnableUserCommand, UserDto>
{
    public async Task<UserDto> Handle(EnableUserCommand request, CancellationToken cancellationToken)
    {
        var user = await db.Users.FirstOrDefaultAsync(u => u.Id == request.UserId, cancellationToken)
            ?? throw new NotFoundException(IdentityErrorCodes.UserNotFound, "No user has this id.");
        user.Enable(timeProvider.GetUtcNowMicros());
        return mapper.Map<UserDto>(user);
    }
}
