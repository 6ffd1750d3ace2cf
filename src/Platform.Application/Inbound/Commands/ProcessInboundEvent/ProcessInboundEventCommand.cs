using Platform.Application.Common.Messaging;
using Platform.Application.Common.Security;

namespace Platform.Application.Inbound.Commands.ProcessInboundEvent;

/// <summary>
/// Sent by the <c>inbound.received</c> outbox handler: locks the event, runs its source's handler and marks it
/// processed, all in one transaction. An event already processed is left alone (returns false), so a redelivered
/// outbox message does nothing twice. A handler's exception rolls everything back and propagates.
/// </summary>
[AllowAnonymousRequest]
public sealed record ProcessInboundEventCommand(Guid EventId) : ICommand<bool>;
