using Platform.Application.Common.Messaging;
using Platform.Application.Common.Security;
using Platform.Domain.Identity;

namespace Platform.Application.Email.Commands.RemoveEmailSuppression;

/// <summary>Takes an address off the suppression list, so mail reaches it again. A complaint cannot be removed (409).</summary>
[RequiresRole(Role.Admin)]
public sealed record RemoveEmailSuppressionCommand(string Email) : ICommand<bool>, IAuditedCommand
{
    public string AuditAction => "email.suppressions.remove";

    public string AuditResourceType => "email_suppression";
}
