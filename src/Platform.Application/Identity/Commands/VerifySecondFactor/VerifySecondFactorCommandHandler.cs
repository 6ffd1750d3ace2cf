using MediatR;
using Microsoft.EntityFrameworkCore;
using Platform.Application.Common.Errors;
using Platform.Application.Common.Interfaces;
using Platform.Application.Identity.Commands.CompleteSecondFactorSignIn;
using Platform.Application.Identity.Commands.RecordFailedSignIn;
using Platform.Domain.Identity;

namespace Platform.Application.Identity.Commands.VerifySecondFactor;

/// <summary>
/// Wrong codes back off per account like wrong passwords (<see cref="LoginBackoff"/>), checked before any code is
/// tried, so a stolen password does not let anyone guess six digits at the speed of the network.
/// </summary>
internal sealed class VerifySecondFactorCommandHandler(
    IPlatformDbContext db,
    IMfaStore mfa,
    ILoginFailureStore failures,
    IMediator mediator,
    TimeProvider timeProvider) : IRequestHandler<VerifySecondFactorCommand, TokenDto>
{
    /// <summary>The back-off key of an account's second factor: apart from its password's, and never an address.</summary>
    public static string BackoffKey(Guid userId) => $"mfa:{userId:N}";

    public async Task<TokenDto> Handle(VerifySecondFactorCommand request, CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNowMicros();
        var challenge = await mfa.FindChallengeAsync(request.MfaToken, MfaChallengePurpose.SignIn, now, cancellationToken)
            ?? throw new UnauthorizedException(IdentityErrorCodes.MfaTokenInvalid, "The mfa_token is wrong, expired (5 minutes) or already used. Sign in again.");
        var key = BackoffKey(challenge.UserId);
        await failures.ThrowIfBlockedAsync(key, now, "Too many wrong codes for this account.", cancellationToken);

        // Each try claims one of the token's five before any code is checked, so a burst of parallel guesses gets five
        // in all, not five per back-off window; then the password is asked again (with its own back-off).
        if (!await mfa.ClaimAttemptAsync(request.MfaToken, now, cancellationToken))
        {
            throw new UnauthorizedException(
                IdentityErrorCodes.MfaTokenInvalid,
                $"The mfa_token has had its {MfaRules.MaxCodeAttemptsPerToken} tries, or it expired or was used. Sign in again.");
        }

        var user = await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.Id == challenge.UserId, cancellationToken)
            ?? throw new UnauthorizedException(IdentityErrorCodes.MfaTokenInvalid, "The mfa_token is wrong, expired (5 minutes) or already used. Sign in again.");
        var code = string.IsNullOrEmpty(request.Code) ? null : request.Code;
        var recoveryCode = code is null ? request.RecoveryCode : null;
        var tokens = await mediator.Send(
            new CompleteSecondFactorSignInCommand(request.MfaToken, user.Id, user.NormalizedEmail, user.PasswordHash, challenge.DeviceName, challenge.UserAgent ?? request.UserAgent, code, recoveryCode),
            cancellationToken);
        if (tokens is null)
        {
            var count = await failures.RecordAsync(key, timeProvider.GetUtcNowMicros(), cancellationToken);
            var reason = code is null ? "wrong_recovery_code" : "wrong_mfa_code";
            await mediator.Send(new RecordFailedSignInCommand(user.NormalizedEmail, user.Id, reason, count), cancellationToken);
            throw new UnauthorizedException(
                IdentityErrorCodes.MfaCodeInvalid,
                code is null
                    ? "The recovery code is wrong or was used already."
                    : "The code is wrong or was used already: wait for the app's next code. Check the device's clock is right.");
        }

        await failures.ResetAsync(key, cancellationToken);
        return tokens;
    }
}
