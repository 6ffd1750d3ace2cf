using Platform.Application.Common.Messaging;
using Platform.Application.Common.Security;

namespace Platform.Application.Identity.Commands.RequestEmailChange;

/// <summary>
/// The signed-in user asks to move their account to <paramref name="NewEmail"/>, confirming with their password. A
/// confirmation mail goes to the new address; the account moves only when its token is used
/// (<c>POST /api/v1/auth/email/verify</c>), and the old address is then told. Whether another account uses the new
/// address is never revealed here: its owner gets a mail saying so instead.
/// </summary>
public sealed record RequestEmailChangeCommand(string NewEmail, [property: Sensitive] string CurrentPassword, string? IdempotencyKey = null)
    : ICommand<AccountMailAcceptedDto>, IIdempotentCommand, IAuditedCommand
{
    public string AuditAction => "users.email_change_requested";

    public string AuditResourceType => "user";
}
