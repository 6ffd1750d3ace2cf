using Platform.Application.Common.Messaging;
using Platform.Application.Common.Security;
using Platform.Domain.Identity;

namespace Platform.Application.Status.Commands.RecordStatusEvent;

/// <summary>Records a service's status from <paramref name="OccurredAt"/> (now when absent). Agents and admins.</summary>
[RequiresRole(Role.Agent, Role.Admin)]
public sealed record RecordStatusEventCommand(
    Guid ServiceId,
    string Status,
    string? Message = null,
    DateTimeOffset? OccurredAt = null,
    string? IdempotencyKey = null) : ICommand<StatusEventDto>, IIdempotentCommand, IAuditedCommand
{
    public string AuditAction => "status.events.create";

    public string AuditResourceType => "status_event";
}
