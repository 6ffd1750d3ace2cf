using Platform.Application.Common.Messaging;
using Platform.Application.Common.Security;

namespace Platform.Application.Inbound.Commands.ReceiveInboundEvent;

/// <summary>
/// Sent by an inbound route once the request verified and parsed: stores the event in the inbox with an
/// <c>inbound.received</c> outbox row, in one transaction, unless the source already has an event with this id (a
/// provider's retry), which is answered as a duplicate and stored once. The caller is the provider, not a user.
/// </summary>
[AllowAnonymousRequest]
public sealed record ReceiveInboundEventCommand(string Source, string EventId, string Type, string? ContentType, string Payload)
    : ICommand<InboundReceiptDto>;
