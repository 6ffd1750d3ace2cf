using MediatR;
using Microsoft.EntityFrameworkCore;
using Platform.Application.Common.Auditing;
using Platform.Application.Common.Errors;
using Platform.Application.Common.Interfaces;
using Platform.Domain.Identity;

namespace Platform.Application.Identity.Commands.ResetPassword;

internal sealed class ResetPasswordCommandHandler(
    IPlatformDbContext db,
    IAccountTokens tokens,
    IPasswordHasher passwordHasher,
    PasswordStrength passwordStrength,
    ILoginFailureStore failures,
    EmailVerifier verifier,
    ICurrentUser currentUser,
    IRequestContext requestContext,
    TimeProvider timeProvider) : IRequestHandler<ResetPasswordCommand, RevocationResultDto>
{
    public async Task<RevocationResultDto> Handle(ResetPasswordCommand request, CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNowMicros();
        var used = await tokens.UseAsync(AccountToken.Hash(request.Token), AccountTokenPurpose.PasswordReset, now, cancellationToken);
        var user = used is null ? null : await db.Users.FirstOrDefaultAsync(u => u.Id == used.UserId && u.DisabledAt == null, cancellationToken);

        // A token mailed to an address the account has since left proves nothing about the account.
        if (used is null || user is null || !string.Equals(EmailAddress.Normalize(used.Email), user.NormalizedEmail, StringComparison.Ordinal))
        {
            throw new BadRequestException(
                IdentityErrorCodes.TokenInvalid,
                "The token is wrong, expired, already used or replaced by a newer one. Ask for a new mail with POST /api/v1/auth/password/forgot.");
        }

        // Refused here, the transaction rolls back and the token stays usable for a stronger password.
        passwordStrength.Ensure("new_password", request.NewPassword, user.Email, user.DisplayName);
        user.ChangePasswordHash(passwordHasher.Hash(request.NewPassword), now);
        verifier.Verify(user, "password_reset", now);
        await failures.ResetAsync(user.NormalizedEmail, cancellationToken);
        var revoked = await db.RevokeAsync(db.UserSessions.Where(s => s.UserId == user.Id), SessionRevokeReason.PasswordReset, now, cancellationToken);
        AuditLog.Add(
            db, currentUser, requestContext, now, "users.password_reset", "user", user.Id, AuditOutcome.Succeeded,
            new { email = user.Email, revoked_sessions = revoked },
            actorId: user.Id);
        return new RevocationResultDto(revoked);
    }
}
