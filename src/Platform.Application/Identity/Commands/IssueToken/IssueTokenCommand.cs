using Platform.Application.Common.Messaging;
using Platform.Application.Common.Security;

namespace Platform.Application.Identity.Commands.IssueToken;

/// <summary>
/// Signs in with email and password and starts a session. Not idempotent: its response holds secrets that are
/// never stored. Not wrapped in a transaction: the password check runs without holding a connection, and the
/// session insert is one atomic SaveChanges.
/// </summary>
[AllowAnonymousRequest]
public sealed record IssueTokenCommand(string Email, [property: Sensitive] string Password) : ICommand<TokenDto>, INonTransactionalCommand;
