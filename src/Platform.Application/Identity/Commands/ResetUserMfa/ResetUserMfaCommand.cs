using Platform.Application.Common.Messaging;
using Platform.Application.Common.Security;
using Platform.Domain.Identity;

namespace Platform.Application.Identity.Commands.ResetUserMfa;

/// <summary>
/// An admin removes a user's authenticator and recovery codes, for someone who lost the device and the codes: the
/// user signs in with the password alone (or, for a role that must have one, is asked to enrol again). The owner is
/// mailed. Resetting an account without one changes nothing and answers the same.
/// </summary>
[RequiresRole(Role.Admin)]
public sealed record ResetUserMfaCommand(Guid UserId, string? IdempotencyKey = null) : ICommand<MfaStatusDto>, IIdempotentCommand, IAuditedCommand
{
    public string AuditAction => "users.mfa_reset";

    public string AuditResourceType => "user";

    public Guid? AuditResourceId => UserId;
}
