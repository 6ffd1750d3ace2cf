using Platform.Application.Common.Messaging;
using Platform.Application.Common.Security;

namespace Platform.Application.Identity.Commands.MarkEmailVerified;

/// <summary>
/// An operator vouches for an address without a mail (<c>Platform.Api verify-email &lt;address&gt;</c>, for a first
/// admin before mail works): the account's address becomes verified, with the bootstrap grant, exactly as a used
/// token would make it. Not an HTTP operation; 404 <c>users.not_found</c> when no account uses the address.
/// </summary>
[AllowAnonymousRequest]
public sealed record MarkEmailVerifiedCommand(string Email) : ICommand<UserDto>;
