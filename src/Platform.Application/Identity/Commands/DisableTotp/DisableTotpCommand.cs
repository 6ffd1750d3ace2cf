using Platform.Application.Common.Messaging;
using Platform.Application.Common.Security;

namespace Platform.Application.Identity.Commands.DisableTotp;

/// <summary>
/// Turns the signed-in user's two-factor sign-in off: it needs the password and a current code from the app (or a
/// recovery code, for someone who lost the device and signed in with one). The authenticator, the recovery codes and
/// any waiting <c>mfa_token</c> go; audited (<c>users.mfa_disabled</c>) and mailed. A pending, unconfirmed set-up is
/// simply cancelled. Wrong codes back off like at sign-in. Refused for a role that must keep one
/// (<c>Auth:RequireMfaForRoles</c>).
/// </summary>
public sealed record DisableTotpCommand(
    [property: Sensitive] string CurrentPassword,
    [property: Sensitive] string? Code,
    [property: Sensitive] string? RecoveryCode) : ICommand<MfaStatusDto>;
