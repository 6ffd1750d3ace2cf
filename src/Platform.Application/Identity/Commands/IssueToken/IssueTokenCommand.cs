using Platform.Application.Common.Messaging;
using Platform.Application.Common.Security;

namespace Platform.Application.Identity.Commands.IssueToken;

/// <summary>
/// Signs in with email and password and starts a session named <paramref name="DeviceName"/> (derived from the
/// User-Agent when absent). Not idempotent: a retry only starts another session, and its tokens must follow that
/// session, not a replay stored for a day (responses with other secrets are stored encrypted; see docs/api.md,
/// Idempotency). Not wrapped in a transaction: the password check runs without holding a connection, and each write
/// is one atomic statement.
/// </summary>
[AllowAnonymousRequest]
public sealed record IssueTokenCommand(string Email, [property: Sensitive] string Password, string? DeviceName = null, string? UserAgent = null)
    : ICommand<TokenDto>, INonTransactionalCommand;
