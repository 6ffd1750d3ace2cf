using Platform.Application.Common.Messaging;
using Platform.Application.Common.Security;
using Platform.Domain.Identity;

namespace Platform.Application.Identity.Commands.DisableUser;

/// <summary>Disables an account: its sessions are revoked at once and sign-in is refused until it is enabled again.</summary>
[RequiresRole(Role.Admin)]
public sealed record DisableUserCommand(Guid UserId, string? IdempotencyKey = null) : ICommand<UserDto>, IIdempotentCommand, IAuditedCommand
{
    public string AuditAction => "users.disable";

    public string AuditResourceType => "user";

    public Guid? AuditResourceId => UserId;
}
