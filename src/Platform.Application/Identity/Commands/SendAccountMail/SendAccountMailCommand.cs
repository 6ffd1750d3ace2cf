using Platform.Application.Common.Messaging;
using Platform.Application.Common.Security;

namespace Platform.Application.Identity.Commands.SendAccountMail;

/// <summary>
/// Sent by the <c>identity.account_mail_requested</c> outbox handler: decides whether the requested mail goes out
/// (an enabled account uses the address, it is not suppressed, and for verification not yet verified), and if so
/// stores the new token or code and queues the mail in one transaction. A redelivery of the same request, or of an
/// older one, changes nothing and mails nothing (<paramref name="RequestedAt"/> orders requests). Not an HTTP
/// operation.
/// </summary>
[AllowAnonymousRequest]
internal sealed record SendAccountMailCommand(AccountMailRequestDto Request, DateTimeOffset RequestedAt, Guid MessageId) : ICommand<bool>;
