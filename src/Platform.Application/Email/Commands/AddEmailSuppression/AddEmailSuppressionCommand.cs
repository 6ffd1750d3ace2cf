using Platform.Application.Common.Errors;
using Platform.Application.Common.Messaging;
using Platform.Application.Common.Security;
using Platform.Domain.Email;
using Platform.Domain.Identity;

namespace Platform.Application.Email.Commands.AddEmailSuppression;

/// <summary>Puts an address on the suppression list by hand: nothing is mailed to it until an admin removes it.</summary>
[RequiresRole(Role.Admin)]
[ConflictOnUniqueIndex("email_suppressions_pkey", EmailErrorCodes.AlreadySuppressed, AddEmailSuppressionCommandHandler.AlreadySuppressedMessage)]
public sealed record AddEmailSuppressionCommand(string Email, string? Note = null, string? IdempotencyKey = null)
    : ICommand<EmailSuppressionDto>, IIdempotentCommand, IAuditedCommand
{
    public string AuditAction => "email.suppressions.add";

    public string AuditResourceType => "email_suppression";
}
