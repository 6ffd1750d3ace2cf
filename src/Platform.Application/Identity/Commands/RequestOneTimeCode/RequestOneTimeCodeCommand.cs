using Platform.Application.Common.Messaging;
using Platform.Application.Common.Security;

namespace Platform.Application.Identity.Commands.RequestOneTimeCode;

/// <summary>
/// Mails a one-time sign-in code to the account with this email, if there is an enabled one whose address is not
/// suppressed. The answer is the same either way, so it reveals nothing about which accounts exist.
/// </summary>
[AllowAnonymousRequest]
public sealed record RequestOneTimeCodeCommand(string Email) : ICommand<OneTimeCodeAcceptedDto>;
