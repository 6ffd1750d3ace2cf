using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Platform.Application.Common.Auditing;
using Platform.Application.Common.Errors;
using Platform.Application.Common.Interfaces;
using Platform.Application.Identity.Commands.VerifySecondFactor;
using Platform.Domain.Identity;

namespace Platform.Application.Identity.Commands.DisableTotp;

internal sealed class DisableTotpCommandHandler(
    IPlatformDbContext db,
    IMfaStore mfa,
    IPasswordHasher passwordHasher,
    ILoginFailureStore failures,
    ICurrentUser currentUser,
    IRequestContext requestContext,
    IOptions<AuthOptions> options,
    TimeProvider timeProvider) : IRequestHandler<DisableTotpCommand, MfaStatusDto>
{
    public async Task<MfaStatusDto> Handle(DisableTotpCommand request, CancellationToken cancellationToken)
    {
        var user = await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.Id == currentUser.UserId, cancellationToken)
            ?? throw new UnauthorizedException(ErrorCodes.AuthUnauthorized, "The account no longer exists.");
        var now = timeProvider.GetUtcNowMicros();
        var key = VerifySecondFactorCommandHandler.BackoffKey(user.Id);
        await failures.ThrowIfBlockedAsync(key, now, "Too many wrong codes for this account.", cancellationToken);

        if (!passwordHasher.Verify(user.PasswordHash, request.CurrentPassword))
        {
            throw new RequestValidationException("current_password", "current_password is wrong.");
        }

        var state = await mfa.FindAsync(user.Id, cancellationToken)
            ?? throw new ConflictException(IdentityErrorCodes.MfaNotEnabled, "Two-factor sign-in is not turned on for this account.");
        if (state.IsConfirmed)
        {
            if (SecondFactorGate.IsRequiredFor(user.Roles, options.Value))
            {
                throw new ForbiddenException(
                    IdentityErrorCodes.MfaEnrolmentRequired,
                    "Your role must sign in with an authenticator app, so it cannot be turned off. To move to a new device, ask an admin to reset it.");
            }

            var passed = request.Code is { Length: > 0 } code
                ? await mfa.SpendCodeAsync(user.Id, code, now, cancellationToken)
                : request.RecoveryCode is { Length: > 0 } recoveryCode && await mfa.SpendRecoveryCodeAsync(user.Id, recoveryCode, cancellationToken) is not null;
            if (!passed)
            {
                // Counted on its own connection: it outlives this command's rolled-back transaction.
                await failures.RecordAsync(key, timeProvider.GetUtcNowMicros(), cancellationToken);
                throw new BadRequestException(IdentityErrorCodes.MfaCodeInvalid, "The code is wrong or was used already.");
            }
        }

        await mfa.RemoveAsync(user.Id, cancellationToken);
        await failures.ResetAsync(key, cancellationToken);
        if (state.IsConfirmed)
        {
            AuditLog.Add(db, currentUser, requestContext, now, "users.mfa_disabled", "user", user.Id, AuditOutcome.Succeeded, new { method = "totp" });
            db.RequestAccountMail(AccountMailKinds.MfaDisabled, user.Email, timeProvider, user.Id);
        }

        return MfaStatus.Of(null, user.Roles, options);
    }
}
