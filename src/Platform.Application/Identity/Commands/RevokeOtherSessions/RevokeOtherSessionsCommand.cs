using Platform.Application.Common.Messaging;

namespace Platform.Application.Identity.Commands.RevokeOtherSessions;

/// <summary>
/// Signs out every session of the caller except the one making the call ("sign out everywhere else").
/// <paramref name="SessionId"/> is the caller's session, kept; it also makes the idempotency fingerprint per device.
/// </summary>
public sealed record RevokeOtherSessionsCommand(Guid? SessionId, string? IdempotencyKey = null)
    : ICommand<RevocationResultDto>, IIdempotentCommand, IAuditedCommand
{
    public string AuditAction => "sessions.revoke_others";

    public string AuditResourceType => "user";
}
