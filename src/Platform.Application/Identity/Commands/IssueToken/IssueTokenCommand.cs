using Platform.Application.Common.Messaging;
using Platform.Application.Common.Security;

namespace Platform.Application.Identity.Commands.IssueToken;

/// <summary>Signs in with email and password and starts a session. Not idempotent: its response holds secrets that are never stored.</summary>
[AllowAnonymousRequest]
public sealed record IssueTokenCommand(string Email, [property: Sensitive] string Password) : ICommand<TokenDto>;
