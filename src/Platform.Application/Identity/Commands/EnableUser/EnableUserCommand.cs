using Platform.Application.Common.Messaging;
using Platform.Application.Common.Security;
using Platform.Domain.Identity;

namespace Platform.Application.Identity.Commands.EnableUser;

/// <summary>Enables a disabled account; its owner signs in again (old sessions stay revoked).</summary>
[RequiresRole(Role.Admin)]
public sealed record EnableUserCommand(Guid UserId, string? IdempotencyKey = null) : ICommand<UserDto>, IIdempotentCommand, IAuditedCommand
{
    public string AuditAction => "users.enable";

    public string AuditResourceType => "user";

    public Guid? AuditResourceId => UserId;
}
