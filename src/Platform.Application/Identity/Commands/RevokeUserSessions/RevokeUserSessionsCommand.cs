using Platform.Application.Common.Messaging;
using Platform.Application.Common.Security;
using Platform.Domain.Identity;

namespace Platform.Application.Identity.Commands.RevokeUserSessions;

/// <summary>An admin signs a user out of every session (a lost device, a suspected compromise).</summary>
[RequiresRole(Role.Admin)]
public sealed record RevokeUserSessionsCommand(Guid UserId, string? IdempotencyKey = null)
    : ICommand<RevocationResultDto>, IIdempotentCommand, IAuditedCommand
{
    public string AuditAction => "users.revoke_sessions";

    public string AuditResourceType => "user";

    public Guid? AuditResourceId => UserId;
}
