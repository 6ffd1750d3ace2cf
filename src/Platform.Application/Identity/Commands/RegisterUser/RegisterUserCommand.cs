using Platform.Application.Common.Messaging;
using Platform.Application.Common.Security;

namespace Platform.Application.Identity.Commands.RegisterUser;

[AllowAnonymousRequest]
public sealed record RegisterUserCommand(
    string Email,
    [property: Sensitive] string Password,
    string DisplayName,
    string? IdempotencyKey = null) : ICommand<UserDto>, IIdempotentCommand, IAuditedCommand
{
    public string AuditAction => "users.register";

    public string AuditResourceType => "user";
}
