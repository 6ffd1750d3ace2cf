using Platform.Application.Common.Messaging;
using Platform.Application.Common.Security;

namespace Platform.Application.Identity.Commands.CompleteSecondFactorSignIn;

/// <summary>
/// The write half of a second-factor sign-in, sent by <c>VerifySecondFactorCommandHandler</c>: in one transaction it
/// spends the code (or the recovery code), spends the <c>mfa_token</c> and starts the session, so a refusal at any
/// step spends nothing. Answers null when the factor is wrong (nothing was written). Not an HTTP operation of its own.
/// </summary>
[AllowAnonymousRequest]
internal sealed record CompleteSecondFactorSignInCommand(
    [property: Sensitive] string MfaToken,
    Guid UserId,
    string NormalizedEmail,
    [property: Sensitive] string CheckedPasswordHash,
    string DeviceName,
    string? UserAgent,
    [property: Sensitive] string? Code,
    [property: Sensitive] string? RecoveryCode) : ICommand<TokenDto?>;
