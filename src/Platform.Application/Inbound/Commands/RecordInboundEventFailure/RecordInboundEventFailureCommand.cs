using Platform.Application.Common.Messaging;
using Platform.Application.Common.Security;

namespace Platform.Application.Inbound.Commands.RecordInboundEventFailure;

/// <summary>
/// Sent by the <c>inbound.received</c> outbox handler after the source's handler failed (and its transaction rolled
/// back): records the error on the event, where admins see it, unless the event got processed meanwhile.
/// </summary>
[AllowAnonymousRequest]
public sealed record RecordInboundEventFailureCommand(Guid EventId, string Error) : ICommand<bool>;
