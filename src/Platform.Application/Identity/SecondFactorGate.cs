using Microsoft.Extensions.Options;
using Platform.Application.Common.Errors;
using Platform.Application.Common.Interfaces;
using Platform.Domain.Identity;

namespace Platform.Application.Identity;

/// <summary>
/// The step after a first factor (a password, a mailed code) was accepted: an account with a confirmed authenticator
/// gets an <c>mfa_token</c> and no session; an account whose role must have one (<c>Auth:RequireMfaForRoles</c>)
/// and has none gets an enrolment <c>mfa_token</c>. Anyone else passes.
/// </summary>
internal sealed class SecondFactorGate(IMfaStore mfa, IOptions<AuthOptions> options, TimeProvider timeProvider)
{
    /// <summary>Whether an account with these roles must sign in with a second factor.</summary>
    public static bool IsRequiredFor(IEnumerable<string> roles, AuthOptions options) =>
        roles.Any(r => options.RequireMfaForRoles.Contains(r, StringComparer.Ordinal));

    /// <exception cref="SecondFactorRequiredException">The sign-in must continue with a second factor or an enrolment.</exception>
    public async Task EnsurePassedAsync(User user, string deviceName, string? userAgent, CancellationToken cancellationToken)
    {
        var state = await mfa.FindAsync(user.Id, cancellationToken);
        var now = timeProvider.GetUtcNowMicros();
        if (state is { IsConfirmed: true })
        {
            var token = await mfa.IssueChallengeAsync(user.Id, MfaChallengePurpose.SignIn, deviceName, userAgent, now, cancellationToken);
            throw new SecondFactorRequiredException(
                ErrorKind.Unauthorized,
                IdentityErrorCodes.MfaRequired,
                "Enter the code from your authenticator app, or a recovery code: POST /api/v1/auth/mfa/verify with this mfa_token.",
                token,
                MfaRules.SignInChallengeLifetime);
        }

        if (IsRequiredFor(user.Roles, options.Value))
        {
            var token = await mfa.IssueChallengeAsync(user.Id, MfaChallengePurpose.Enrolment, deviceName, userAgent, now, cancellationToken);
            throw new SecondFactorRequiredException(
                ErrorKind.Forbidden,
                IdentityErrorCodes.MfaEnrolmentRequired,
                "This account must sign in with an authenticator app. Set one up with this mfa_token (POST /api/v1/auth/mfa/totp, then POST /api/v1/auth/mfa/totp/confirm), then sign in again.",
                token,
                MfaRules.EnrolmentChallengeLifetime);
        }
    }
}
