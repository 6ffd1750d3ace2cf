using Platform.Application.Common.Messaging;
using Platform.Application.Common.Security;
using Platform.Domain.Identity;

namespace Platform.Application.Status.Commands.ScheduleMaintenance;

/// <summary>
/// Schedules maintenance of some services. The maintenance job puts them under maintenance at
/// <paramref name="StartsAt"/> and back to their earlier status at <paramref name="EndsAt"/>. Agents and admins.
/// </summary>
[RequiresRole(Role.Agent, Role.Admin)]
public sealed record ScheduleMaintenanceCommand(
    string Title,
    DateTimeOffset? StartsAt,
    DateTimeOffset? EndsAt,
    IReadOnlyList<Guid> AffectedServiceIds,
    string? Description = null,
    string? IdempotencyKey = null) : ICommand<MaintenanceDto>, IIdempotentCommand, IAuditedCommand
{
    public string AuditAction => "status.maintenances.create";

    public string AuditResourceType => "status_maintenance";
}
