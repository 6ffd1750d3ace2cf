using Platform.Application.Common.Errors;
using Platform.Application.Common.Messaging;
using Platform.Application.Common.Security;
using Platform.Domain.Identity;
using Platform.Domain.Status;

namespace Platform.Application.Status.Commands.UpdateMonitoredService;

/// <summary>Merge patch of a service: absent fields are left alone, <c>"group": null</c> removes the group.</summary>
[RequiresRole(Role.Admin)]
[ConflictOnUniqueIndex("ux_status_services_slug", StatusErrorCodes.SlugTaken, StatusErrorCodes.SlugTakenMessage)]
public sealed record UpdateMonitoredServiceCommand(
    Guid ServiceId,
    Optional<string?> Slug,
    Optional<string?> Name,
    Optional<string?> Description,
    Optional<string?> Group,
    Optional<int?> DisplayOrder,
    IReadOnlyList<int>? AcceptedVersions = null,
    string? IdempotencyKey = null) : ICommand<MonitoredServiceDto>, IIdempotentCommand, IAuditedCommand
{
    public string AuditAction => "status.services.update";

    public string AuditResourceType => "status_service";

    public Guid? AuditResourceId => ServiceId;
}
