using Platform.Application.Common.Messaging;
using Platform.Application.Common.Security;

namespace Platform.Application.Identity.Commands.VerifyOneTimeCode;

/// <summary>
/// Signs in with a mailed one-time code and starts a session, answering like <c>/auth/token</c>. Not wrapped in a
/// transaction: using the code and counting a wrong one are single atomic statements, and a wrong code must be
/// counted even though the request fails. An account with a second factor gets an <c>mfa_token</c> instead of a
/// session, as from <c>/auth/token</c>.
/// </summary>
[AllowAnonymousRequest]
public sealed record VerifyOneTimeCodeCommand(string Email, [property: Sensitive] string Code, string? DeviceName = null, string? UserAgent = null)
    : ICommand<TokenDto>, INonTransactionalCommand;
