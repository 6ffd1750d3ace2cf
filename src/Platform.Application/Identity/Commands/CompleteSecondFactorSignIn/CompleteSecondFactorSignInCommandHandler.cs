using MediatR;
using Platform.Application.Common.Auditing;
using Platform.Application.Common.Errors;
using Platform.Application.Common.Interfaces;
using Platform.Application.Identity.Commands.StartSession;
using Platform.Domain.Identity;

namespace Platform.Application.Identity.Commands.CompleteSecondFactorSignIn;

internal sealed class CompleteSecondFactorSignInCommandHandler(
    IPlatformDbContext db,
    IMfaStore mfa,
    IMediator mediator,
    ICurrentUser currentUser,
    IRequestContext requestContext,
    TimeProvider timeProvider) : IRequestHandler<CompleteSecondFactorSignInCommand, TokenDto?>
{
    public async Task<TokenDto?> Handle(CompleteSecondFactorSignInCommand request, CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNowMicros();
        int? remaining = null;
        if (request.Code is { } code)
        {
            if (!await mfa.SpendCodeAsync(request.UserId, code, now, cancellationToken))
            {
                return null;
            }
        }
        else if ((remaining = await mfa.SpendRecoveryCodeAsync(request.UserId, request.RecoveryCode!, cancellationToken)) is null)
        {
            return null;
        }

        // Spent last: a wrong code leaves the token usable for another try, and a token spent by a parallel request
        // rolls the code back with this refusal.
        if (!await mfa.SpendChallengeAsync(request.MfaToken, MfaChallengePurpose.SignIn, now, cancellationToken))
        {
            throw new UnauthorizedException(IdentityErrorCodes.MfaTokenInvalid, "The mfa_token is wrong, expired (5 minutes) or already used. Sign in again.");
        }

        if (remaining is { } left)
        {
            AuditLog.Add(
                db, currentUser, requestContext, now, "users.mfa_recovery_code_used", "user", request.UserId, AuditOutcome.Succeeded,
                new { recovery_codes_remaining = left }, actorId: request.UserId);
            db.RequestAccountMail(AccountMailKinds.MfaRecoveryCodeUsed, request.NormalizedEmail, timeProvider, request.UserId);
        }

        var tokens = await mediator.Send(
            new StartSessionCommand(request.UserId, request.NormalizedEmail, request.CheckedPasswordHash, request.DeviceName, request.UserAgent, remaining is null ? "totp" : "recovery_code"),
            cancellationToken);
        return tokens with { RecoveryCodesRemaining = remaining };
    }
}
