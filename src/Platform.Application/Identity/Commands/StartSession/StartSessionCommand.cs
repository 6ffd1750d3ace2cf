using Platform.Application.Common.Messaging;
using Platform.Application.Common.Security;

namespace Platform.Application.Identity.Commands.StartSession;

/// <summary>
/// The write half of sign-in, sent by <c>IssueTokenCommandHandler</c> once the password has been checked: in one
/// short transaction that share-locks the account, it checks the account is still as it was checked (not disabled,
/// password unchanged) and starts the session with its first refresh token. Not an HTTP operation of its own.
/// Every attempt of the unit of work makes its own tokens, so the tokens returned are exactly those committed.
/// <paramref name="SecondFactor"/> names the second factor that completed the sign-in (<c>totp</c>, <c>recovery_code</c>), for the audit row.
/// </summary>
[AllowAnonymousRequest]
internal sealed record StartSessionCommand(
    Guid UserId,
    string NormalizedEmail,
    [property: Sensitive] string CheckedPasswordHash,
    string DeviceName,
    string? UserAgent,
    string? SecondFactor = null) : ICommand<TokenDto>;
