using Platform.Application.Common.Messaging;

namespace Platform.Application.Identity.Commands.Logout;

/// <summary>
/// Signs out the session the caller's access token belongs to; its refresh token and access tokens stop working.
/// <paramref name="SessionId"/> is that session (the token's <c>sid</c>): it makes the idempotency fingerprint differ
/// per device, so one device's key can never replay another device's logout.
/// </summary>
public sealed record LogoutCommand(Guid? SessionId, string? IdempotencyKey = null) : ICommand<RevocationResultDto>, IIdempotentCommand, IAuditedCommand
{
    public string AuditAction => "sessions.logout";

    public string AuditResourceType => "session";

    public Guid? AuditResourceId => SessionId;
}
