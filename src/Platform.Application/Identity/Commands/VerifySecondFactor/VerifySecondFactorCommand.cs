using Platform.Application.Common.Messaging;
using Platform.Application.Common.Security;

namespace Platform.Application.Identity.Commands.VerifySecondFactor;

/// <summary>
/// Completes a sign-in that answered <c>auth.mfa_required</c>: the <paramref name="MfaToken"/> it gave and either a
/// <paramref name="Code"/> from the authenticator app or one of the account's <paramref name="RecoveryCode"/>s.
/// Answers like <c>/auth/token</c>. Not wrapped in a transaction: the back-off and a wrong code's count must outlive
/// the refusal; spending the factor, the token and starting the session are one unit of work
/// (<c>CompleteSecondFactorSignInCommand</c>).
/// </summary>
[AllowAnonymousRequest]
public sealed record VerifySecondFactorCommand(
    [property: Sensitive] string MfaToken,
    [property: Sensitive] string? Code,
    [property: Sensitive] string? RecoveryCode,
    string? UserAgent = null) : ICommand<TokenDto>, INonTransactionalCommand;
