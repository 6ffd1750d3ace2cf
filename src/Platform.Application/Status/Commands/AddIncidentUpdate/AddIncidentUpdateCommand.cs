using Platform.Application.Common.Messaging;
using Platform.Application.Common.Security;
using Platform.Domain.Identity;

namespace Platform.Application.Status.Commands.AddIncidentUpdate;

/// <summary>
/// Adds an update to an unresolved incident. Resolving does not change service statuses by itself: only a
/// <paramref name="ServiceStatus"/> given with the update does (one event per affected service).
/// </summary>
[RequiresRole(Role.Agent, Role.Admin)]
public sealed record AddIncidentUpdateCommand(
    Guid IncidentId,
    string Status,
    string Message,
    string? ServiceStatus = null,
    string? IdempotencyKey = null) : ICommand<IncidentDto>, IIdempotentCommand, IAuditedCommand
{
    public string AuditAction => "status.incidents.update";

    public string AuditResourceType => "status_incident";

    public Guid? AuditResourceId => IncidentId;
}
