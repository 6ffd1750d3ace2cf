using MapsterMapper;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Platform.Application.Common.Errors;
using Platform.Application.Common.Interfaces;
using Platform.Domain.Identity;

namespace Platform.Application.Identity.Commands.RegisterUser;

internal sealed class RegisterUserCommandHandler(
    IPlatformDbContext db,
    IPasswordHasher passwordHasher,
    IOptions<BootstrapOptions> bootstrap,
    TimeProvider timeProvider,
    IMapper mapper) : IRequestHandler<RegisterUserCommand, UserDto>
{
    public async Task<UserDto> Handle(RegisterUserCommand request, CancellationToken cancellationToken)
    {
        var normalized = EmailAddress.Normalize(request.Email);
        if (await db.Users.AnyAsync(u => u.NormalizedEmail == normalized, cancellationToken))
        {
            throw EmailTaken();
        }

        var user = User.Register(
            request.Email,
            request.DisplayName,
            passwordHasher.Hash(request.Password),
            bootstrap.Value.IsAdminEmail(normalized),
            timeProvider.GetUtcNowMicros());
        db.Users.Add(user);
        return mapper.Map<UserDto>(user);
    }

    private static ConflictException EmailTaken() => new(IdentityErrorCodes.EmailTaken, RegisterUserCommand.EmailTakenMessage);
}
