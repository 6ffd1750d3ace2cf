using Platform.Application.Common.Messaging;
using Platform.Domain.Email;

namespace Platform.Application.Email;

/// <summary>
/// A provider's report about a message as admins see it: the recipient in lower case, and the message it was matched
/// to when it could be. The provider's own record is in the inbound event it came from. Mapped in <see cref="EmailMapping"/>.
/// </summary>
public sealed record EmailEventDto(
    Guid Id, string Provider, string ProviderEventId, EmailEventKind Kind, string Recipient, DateTimeOffset OccurredAt, Guid? MessageId, DateTimeOffset ReceivedAt)
    : IHasId;
