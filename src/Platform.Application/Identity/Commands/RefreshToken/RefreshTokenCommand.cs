using Platform.Application.Common.Messaging;
using Platform.Application.Common.Security;

namespace Platform.Application.Identity.Commands.RefreshToken;

/// <summary>Exchanges a refresh token for a new pair; the presented token stops working (rotation).</summary>
[AllowAnonymousRequest]
public sealed record RefreshTokenCommand([property: Sensitive] string RefreshToken) : ICommand<TokenDto>;
