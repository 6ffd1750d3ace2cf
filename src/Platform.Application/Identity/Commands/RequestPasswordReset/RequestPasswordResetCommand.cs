using Platform.Application.Common.Messaging;
using Platform.Application.Common.Security;

namespace Platform.Application.Identity.Commands.RequestPasswordReset;

/// <summary>
/// Mails a single-use password-reset link to the account with this address, if there is an enabled one whose address
/// is not suppressed; the new link replaces an older one. The answer, and its time, are the same either way.
/// </summary>
[AllowAnonymousRequest]
public sealed record RequestPasswordResetCommand(string Email) : ICommand<AccountMailAcceptedDto>;
