using Platform.Application.Common.Messaging;
using Platform.Application.Common.Security;
using Platform.Domain.Identity;

namespace Platform.Application.Identity.Commands.SetUserRoles;

[RequiresRole(Role.Admin)]
public sealed record SetUserRolesCommand(Guid UserId, IReadOnlyList<string> Roles) : ICommand<UserDto>, IAuditedCommand
{
    public string AuditAction => "users.set_roles";

    public string AuditResourceType => "user";

    public Guid? AuditResourceId => UserId;
}
