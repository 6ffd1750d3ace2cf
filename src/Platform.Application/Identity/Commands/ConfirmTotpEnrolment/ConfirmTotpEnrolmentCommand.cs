using Platform.Application.Common.Messaging;
using Platform.Application.Common.Security;

namespace Platform.Application.Identity.Commands.ConfirmTotpEnrolment;

/// <summary>
/// Confirms the pending authenticator with a code from it: from then on sign-in asks for a second factor. Answers
/// the ten recovery codes, shown this once. A signed-in caller also confirms with <paramref name="CurrentPassword"/>,
/// so a stolen session cannot put its own authenticator on the account; every other session of the account ends
/// (they were started without the second factor). With an enrolment <paramref name="MfaToken"/> (the password was
/// just checked), the token is spent, every session of the account ends, and the caller signs in again. Audited (<c>users.mfa_enabled</c>) and mailed to the owner. Not idempotent: the response
/// holds the recovery codes and is never stored; a retry after success is 409 <c>auth.mfa_already_enabled</c>.
/// </summary>
[AllowAnonymousRequest]
public sealed record ConfirmTotpEnrolmentCommand(
    [property: Sensitive] string Code,
    [property: Sensitive] string? MfaToken = null,
    [property: Sensitive] string? CurrentPassword = null) : ICommand<RecoveryCodesDto>;
