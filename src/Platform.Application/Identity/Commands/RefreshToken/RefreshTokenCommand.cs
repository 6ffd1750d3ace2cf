using Platform.Application.Common.Messaging;
using Platform.Application.Common.Security;

namespace Platform.Application.Identity.Commands.RefreshToken;

/// <summary>
/// Exchanges a refresh token for a new pair; the presented token stops working (rotation). Presenting an already
/// exchanged token revokes the whole session and answers <see cref="RefreshOutcome.Failure"/> (the revocation must
/// commit, so it is an outcome, not an exception that would roll it back).
/// </summary>
[AllowAnonymousRequest]
public sealed record RefreshTokenCommand([property: Sensitive] string RefreshToken) : ICommand<RefreshOutcome>;
