using Platform.Application.Common.Errors;

namespace Platform.Application.Identity;

/// <summary>
/// The first factor was right, but no session starts yet: 401 <c>auth.mfa_required</c> (send a code to
/// <c>POST /api/v1/auth/mfa/verify</c>) or 403 <c>auth.mfa_enrolment_required</c> (set up an authenticator first).
/// The problem carries the <c>mfa_token</c> for that next step and how long it works.
/// </summary>
public sealed class SecondFactorRequiredException(ErrorKind kind, string code, string message, string mfaToken, TimeSpan expiresIn)
    : AppException(kind, code, message)
{
    public string MfaToken { get; } = mfaToken;

    public TimeSpan ExpiresIn { get; } = expiresIn;
}
