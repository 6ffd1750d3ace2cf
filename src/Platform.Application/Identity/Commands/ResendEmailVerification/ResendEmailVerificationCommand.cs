using Platform.Application.Common.Messaging;
using Platform.Application.Common.Security;

namespace Platform.Application.Identity.Commands.ResendEmailVerification;

/// <summary>
/// Mails a new verification link to the account with this address, if there is an enabled one whose address is
/// unverified and not suppressed; the new link replaces the old. The answer is the same either way.
/// </summary>
[AllowAnonymousRequest]
public sealed record ResendEmailVerificationCommand(string Email) : ICommand<AccountMailAcceptedDto>;
