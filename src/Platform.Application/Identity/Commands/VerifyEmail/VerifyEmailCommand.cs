using Platform.Application.Common.Errors;
using Platform.Application.Common.Messaging;
using Platform.Application.Common.Security;
using Platform.Domain.Identity;

namespace Platform.Application.Identity.Commands.VerifyEmail;

/// <summary>
/// Uses a mailed verification token: the account's address becomes verified (and a bootstrap admin address becomes
/// an admin), or, for an email-change token, the account moves to the new address and the old one is told. Anonymous:
/// the token is the proof. A wrong, used, replaced or expired token is 400 <c>auth.token_invalid</c>.
/// </summary>
[AllowAnonymousRequest]
[ConflictOnUniqueIndex("ux_users_normalized_email", IdentityErrorCodes.EmailTaken, "Another account now uses this address, so the change cannot be made.")]
public sealed record VerifyEmailCommand([property: Sensitive] string Token, string? IdempotencyKey = null) : ICommand<UserDto>, IIdempotentCommand;
