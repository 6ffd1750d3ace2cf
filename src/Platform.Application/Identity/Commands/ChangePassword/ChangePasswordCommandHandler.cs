using MediatR;
using Microsoft.EntityFrameworkCore;
using Platform.Application.Common.Errors;
using Platform.Application.Common.Interfaces;
using Platform.Domain.Identity;

namespace Platform.Application.Identity.Commands.ChangePassword;

internal sealed class ChangePasswordCommandHandler(
    IPlatformDbContext db,
    IPasswordHasher passwordHasher,
    PasswordStrength passwordStrength,
    ICurrentUser currentUser,
    TimeProvider timeProvider) : IRequestHandler<ChangePasswordCommand, RevocationResultDto>
{
    public async Task<RevocationResultDto> Handle(ChangePasswordCommand request, CancellationToken cancellationToken)
    {
        var user = await db.Users.FirstOrDefaultAsync(u => u.Id == currentUser.UserId, cancellationToken)
            ?? throw new UnauthorizedException(ErrorCodes.AuthUnauthorized, "The account no longer exists.");
        if (!passwordHasher.Verify(user.PasswordHash, request.CurrentPassword))
        {
            throw new RequestValidationException("current_password", "current_password is wrong.");
        }

        passwordStrength.Ensure("new_password", request.NewPassword, user.Email, user.DisplayName);

        var now = timeProvider.GetUtcNowMicros();
        user.ChangePasswordHash(passwordHasher.Hash(request.NewPassword), now);

        // Whoever else holds a session (perhaps the reason for the change) is signed out; this device stays.
        var current = currentUser.SessionId;
        var others = db.UserSessions.Where(s => s.UserId == user.Id && s.Id != current);
        return new RevocationResultDto(await db.RevokeAsync(others, SessionRevokeReason.PasswordChanged, now, cancellationToken));
    }
}
