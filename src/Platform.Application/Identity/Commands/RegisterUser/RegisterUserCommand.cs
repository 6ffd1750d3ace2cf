using Platform.Application.Common.Errors;
using Platform.Application.Common.Messaging;
using Platform.Application.Common.Security;
using Platform.Domain.Identity;

namespace Platform.Application.Identity.Commands.RegisterUser;

[AllowAnonymousRequest]
[ConflictOnUniqueIndex("ux_users_normalized_email", IdentityErrorCodes.EmailTaken, EmailTakenMessage)]
public sealed record RegisterUserCommand(
    string Email,
    [property: Sensitive] string Password,
    string DisplayName,
    string? IdempotencyKey = null) : ICommand<UserDto>, IIdempotentCommand, IAuditedCommand
{
    public const string EmailTakenMessage = "An account with this email already exists.";

    public string AuditAction => "users.register";

    public string AuditResourceType => "user";
}
