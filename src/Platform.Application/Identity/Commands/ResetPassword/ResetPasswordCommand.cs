using Platform.Application.Common.Messaging;
using Platform.Application.Common.Security;

namespace Platform.Application.Identity.Commands.ResetPassword;

/// <summary>
/// Sets a new password with a mailed reset token instead of the old password: every session of the account ends on
/// every instance, the failed sign-in count is cleared, the owner is mailed, and (the mail having reached them) the
/// address counts as verified. A wrong, used, replaced or expired token is 400 <c>auth.token_invalid</c>; a weak
/// password is 400 <c>validation.failed</c> and leaves the token usable.
/// </summary>
[AllowAnonymousRequest]
public sealed record ResetPasswordCommand([property: Sensitive] string Token, [property: Sensitive] string NewPassword, string? IdempotencyKey = null)
    : ICommand<RevocationResultDto>, IIdempotentCommand;
