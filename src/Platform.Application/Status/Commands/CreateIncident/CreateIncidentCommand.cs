using Platform.Application.Common.Messaging;
using Platform.Application.Common.Security;
using Platform.Domain.Identity;

namespace Platform.Application.Status.Commands.CreateIncident;

/// <summary>
/// Opens an incident with its first update. <paramref name="ServiceStatus"/>, when given, sets every affected
/// service to that status in the same transaction (one status event each). Agents and admins.
/// </summary>
[RequiresRole(Role.Agent, Role.Admin)]
public sealed record CreateIncidentCommand(
    string Title,
    string Status,
    string Impact,
    IReadOnlyList<Guid> AffectedServiceIds,
    string Message,
    string? ServiceStatus = null,
    string? IdempotencyKey = null) : ICommand<IncidentDto>, IIdempotentCommand, IAuditedCommand
{
    public string AuditAction => "status.incidents.create";

    public string AuditResourceType => "status_incident";
}
