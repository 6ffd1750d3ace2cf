using Platform.Application.Common.Errors;
using Platform.Application.Common.Messaging;
using Platform.Application.Common.Security;
using Platform.Domain.Identity;
using Platform.Domain.Status;

namespace Platform.Application.Status.Commands.CreateMonitoredService;

/// <summary>Adds a service to the status page. Its status is operational until an event says otherwise.</summary>
[RequiresRole(Role.Admin)]
[ConflictOnUniqueIndex("ux_status_services_slug", StatusErrorCodes.SlugTaken, StatusErrorCodes.SlugTakenMessage)]
public sealed record CreateMonitoredServiceCommand(
    string Slug,
    string Name,
    string? Description = null,
    string? Group = null,
    int? DisplayOrder = null,
    string? IdempotencyKey = null) : ICommand<MonitoredServiceDto>, IIdempotentCommand, IAuditedCommand
{
    public string AuditAction => "status.services.create";

    public string AuditResourceType => "status_service";
}
