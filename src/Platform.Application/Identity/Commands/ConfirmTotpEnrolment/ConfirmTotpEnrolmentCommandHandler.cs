using MediatR;
using Microsoft.EntityFrameworkCore;
using Platform.Application.Common.Auditing;
using Platform.Application.Common.Errors;
using Platform.Application.Common.Interfaces;
using Platform.Domain.Identity;

namespace Platform.Application.Identity.Commands.ConfirmTotpEnrolment;

internal sealed class ConfirmTotpEnrolmentCommandHandler(
    IPlatformDbContext db,
    IMfaStore mfa,
    IPasswordHasher passwordHasher,
    ICurrentUser currentUser,
    IRequestContext requestContext,
    TimeProvider timeProvider) : IRequestHandler<ConfirmTotpEnrolmentCommand, RecoveryCodesDto>
{
    public async Task<RecoveryCodesDto> Handle(ConfirmTotpEnrolmentCommand request, CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNowMicros();
        var userId = await MfaEnrolmentCaller.ResolveAsync(request.MfaToken, currentUser, mfa, now, cancellationToken);
        var user = await db.Users.AsNoTracking().Where(u => u.Id == userId && u.DisabledAt == null).Select(u => new { u.Email, u.PasswordHash }).FirstOrDefaultAsync(cancellationToken)
            ?? throw new UnauthorizedException(ErrorCodes.AuthUnauthorized, "The account no longer exists or is disabled.");
        var bySession = string.IsNullOrEmpty(request.MfaToken);
        if (bySession && !passwordHasher.Verify(user.PasswordHash, request.CurrentPassword ?? string.Empty))
        {
            throw new RequestValidationException("current_password", "current_password is wrong.");
        }

        switch (await mfa.FindAsync(userId, cancellationToken))
        {
            case null:
                throw new ConflictException(IdentityErrorCodes.MfaNotEnabled, "No authenticator is being set up: start with POST /api/v1/auth/mfa/totp.");
            case { IsConfirmed: true }:
                throw new ConflictException(IdentityErrorCodes.MfaAlreadyEnabled, "The authenticator app is set up already.");
        }

        var codes = RecoveryCodes.Create();
        if (!await mfa.ConfirmAsync(userId, request.Code, codes, now, cancellationToken))
        {
            throw new BadRequestException(
                IdentityErrorCodes.MfaCodeInvalid,
                "The code does not match: check the app's clock is right and enter the code it shows now.");
        }

        if (!bySession && !await mfa.SpendChallengeAsync(request.MfaToken!, MfaChallengePurpose.Enrolment, now, cancellationToken))
        {
            throw new UnauthorizedException(IdentityErrorCodes.MfaTokenInvalid, "The mfa_token is wrong, expired or already used. Sign in again.");
        }

        // Sessions started with the password alone end: whoever may hold one (perhaps the reason for turning this on)
        // must now pass the second factor too. The session confirming stays.
        var current = currentUser.SessionId;
        await db.RevokeAsync(db.UserSessions.Where(s => s.UserId == userId && s.Id != current), SessionRevokeReason.MfaEnabled, now, cancellationToken);

        AuditLog.Add(db, currentUser, requestContext, now, "users.mfa_enabled", "user", userId, AuditOutcome.Succeeded, new { method = "totp" }, actorId: userId);
        db.RequestAccountMail(AccountMailKinds.MfaEnabled, user.Email, timeProvider, userId);
        return new RecoveryCodesDto([.. codes.Select(RecoveryCode.Format)]);
    }
}
