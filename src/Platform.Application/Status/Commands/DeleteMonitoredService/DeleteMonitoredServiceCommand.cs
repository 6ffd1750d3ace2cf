using Platform.Application.Common.Messaging;
using Platform.Application.Common.Security;
using Platform.Domain.Identity;

namespace Platform.Application.Status.Commands.DeleteMonitoredService;

/// <summary>
/// Removes a service and its events. Refused while an unresolved incident or a scheduled or running maintenance
/// names it: the page would otherwise tell of an outage on a service nobody can see.
/// </summary>
[RequiresRole(Role.Admin)]
public sealed record DeleteMonitoredServiceCommand(Guid ServiceId) : ICommand<bool>, IAuditedCommand
{
    public string AuditAction => "status.services.delete";

    public string AuditResourceType => "status_service";

    public Guid? AuditResourceId => ServiceId;
}
