using Platform.Application.Common.Errors;
using Platform.Application.Common.Interfaces;
using Platform.Domain.Identity;

namespace Platform.Application.Identity;

/// <summary>
/// Who an enrolment request is for: the signed-in caller, or, for an account that must enrol before it may have a
/// session, the account of an enrolment <c>mfa_token</c> (which is checked, not spent).
/// </summary>
internal static class MfaEnrolmentCaller
{
    public static async Task<Guid> ResolveAsync(string? mfaToken, ICurrentUser currentUser, IMfaStore mfa, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (!string.IsNullOrEmpty(mfaToken))
        {
            var challenge = await mfa.FindChallengeAsync(mfaToken, MfaChallengePurpose.Enrolment, now, cancellationToken)
                ?? throw new UnauthorizedException(IdentityErrorCodes.MfaTokenInvalid, "The mfa_token is wrong, expired or already used. Sign in again.");
            return challenge.UserId;
        }

        return currentUser.UserId
            ?? throw new UnauthorizedException(ErrorCodes.AuthUnauthorized, "Sign in first, or send the mfa_token of a sign-in that must enrol.");
    }
}
