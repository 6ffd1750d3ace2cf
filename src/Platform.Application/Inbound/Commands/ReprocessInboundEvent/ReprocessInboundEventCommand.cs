using Platform.Application.Common.Messaging;
using Platform.Application.Common.Security;
using Platform.Domain.Identity;

namespace Platform.Application.Inbound.Commands.ReprocessInboundEvent;

/// <summary>
/// Runs a processed or failed inbound event's handler again (after a fix, or to replay what it did), through a new
/// <c>inbound.received</c> outbox message; the event is pending until it has run. An event still pending is 409. For admins.
/// </summary>
[RequiresRole(Role.Admin)]
public sealed record ReprocessInboundEventCommand(Guid EventId, string? IdempotencyKey = null)
    : ICommand<InboundEventDto>, IIdempotentCommand, IAuditedCommand
{
    public string AuditAction => "inbound.reprocess";

    public string AuditResourceType => "inbound_event";

    public Guid? AuditResourceId => EventId;
}
