using Platform.Application.Common.Messaging;
using Platform.Application.Common.Security;

namespace Platform.Application.Identity.Commands.IssueToken;

/// <summary>
/// Signs in with email and password and starts a session named <paramref name="DeviceName"/> (derived from the
/// User-Agent when absent). Not idempotent: its response holds secrets that are never stored. Not wrapped in a
/// transaction: the password check runs without holding a connection, and each write is one atomic statement.
/// </summary>
[AllowAnonymousRequest]
public sealed record IssueTokenCommand(string Email, [property: Sensitive] string Password, string? DeviceName = null, string? UserAgent = null)
    : ICommand<TokenDto>, INonTransactionalCommand;
