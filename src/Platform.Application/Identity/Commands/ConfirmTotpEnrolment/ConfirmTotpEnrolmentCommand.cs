using Platform.Application.Common.Messaging;
using Platform.Application.Common.Security;

namespace Platform.Application.Identity.Commands.ConfirmTotpEnrolment;

/// <summary>
/// Confirms the pending authenticator with a code from it: from then on sign-in asks for a second factor. Answers
/// the ten recovery codes, shown this once. With an enrolment <paramref name="MfaToken"/>, the token is spent and the
/// caller signs in again. Audited (<c>users.mfa_enabled</c>) and mailed to the owner. Not idempotent: the response
/// holds the recovery codes and is never stored; a retry after success is 409 <c>auth.mfa_already_enabled</c>.
/// </summary>
[AllowAnonymousRequest]
public sealed record ConfirmTotpEnrolmentCommand([property: Sensitive] string Code, [property: Sensitive] string? MfaToken = null) : ICommand<RecoveryCodesDto>;
