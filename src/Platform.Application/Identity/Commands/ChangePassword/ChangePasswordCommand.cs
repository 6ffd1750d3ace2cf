using Platform.Application.Common.Messaging;

namespace Platform.Application.Identity.Commands.ChangePassword;

/// <summary>Changes the caller's password (the current one must be given) and signs out every other session.</summary>
public sealed record ChangePasswordCommand(
    [property: Sensitive] string CurrentPassword,
    [property: Sensitive] string NewPassword,
    string? IdempotencyKey = null) : ICommand<RevocationResultDto>, IIdempotentCommand, IAuditedCommand
{
    public string AuditAction => "users.change_password";

    public string AuditResourceType => "user";
}
