using Platform.Application.Common.Messaging;
using Platform.Application.Common.Security;

namespace Platform.Application.Identity.Commands.StartTotpEnrolment;

/// <summary>
/// Starts setting up an authenticator app: a new secret, pending until a code from it confirms it (a second start
/// replaces a pending secret). For the signed-in caller, or, without a session, the account of an enrolment
/// <paramref name="MfaToken"/>. Not idempotent: the response holds the secret and is never stored, and a retry only
/// makes a newer secret.
/// </summary>
[AllowAnonymousRequest]
public sealed record StartTotpEnrolmentCommand([property: Sensitive] string? MfaToken = null) : ICommand<TotpEnrolmentDto>;
