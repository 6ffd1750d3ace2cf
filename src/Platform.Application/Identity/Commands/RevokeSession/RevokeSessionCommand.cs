using Platform.Application.Common.Messaging;

namespace Platform.Application.Identity.Commands.RevokeSession;

/// <summary>Signs out one of the caller's own sessions; another user's session is 404, as if it did not exist.</summary>
public sealed record RevokeSessionCommand(Guid SessionId, string? IdempotencyKey = null)
    : ICommand<RevocationResultDto>, IIdempotentCommand, IAuditedCommand
{
    public string AuditAction => "sessions.revoke";

    public string AuditResourceType => "session";

    public Guid? AuditResourceId => SessionId;
}
