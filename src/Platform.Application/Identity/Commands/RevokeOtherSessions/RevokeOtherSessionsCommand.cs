using Platform.Application.Common.Messaging;

namespace Platform.Application.Identity.Commands.RevokeOtherSessions;

/// <summary>Signs out every session of the caller except the one making the call ("sign out everywhere else").</summary>
public sealed record RevokeOtherSessionsCommand(string? IdempotencyKey = null)
    : ICommand<RevocationResultDto>, IIdempotentCommand, IAuditedCommand
{
    public string AuditAction => "sessions.revoke_others";

    public string AuditResourceType => "user";
}
