using MapsterMapper;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Platform.Application.Common.Errors;
using Platform.Application.Common.Interfaces;
using Platform.Domain.Identity;

namespace Platform.Application.Identity.Commands.RegisterUser;

internal sealed class RegisterUserCommandHandler(
    IPlatformDbContext db,
    IPasswordHasher passwordHasher,
    PasswordStrength passwordStrength,
    TimeProvider timeProvider,
    IMapper mapper) : IRequestHandler<RegisterUserCommand, UserDto>
{
    public async Task<UserDto> Handle(RegisterUserCommand request, CancellationToken cancellationToken)
    {
        passwordStrength.Ensure("password", request.Password, request.Email, request.DisplayName);
        var normalized = EmailAddress.Normalize(request.Email);
        if (await db.Users.AnyAsync(u => u.NormalizedEmail == normalized, cancellationToken))
        {
            throw EmailTaken();
        }

        var user = User.Register(
            request.Email,
            request.DisplayName,
            passwordHasher.Hash(request.Password),
            timeProvider.GetUtcNowMicros());
        db.Users.Add(user);

        // The verification mail is requested through the outbox like every account mail: its token and mail are
        // written by one handler, once, after this commits.
        db.RequestAccountMail(AccountMailKinds.EmailVerification, user.Email, timeProvider, user.Id);
        return mapper.Map<UserDto>(user);
    }

    private static ConflictException EmailTaken() => new(IdentityErrorCodes.EmailTaken, RegisterUserCommand.EmailTakenMessage);
}
