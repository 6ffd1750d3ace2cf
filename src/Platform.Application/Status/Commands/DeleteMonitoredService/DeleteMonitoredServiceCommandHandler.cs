using MediatR;
using Microsoft.EntityFrameworkCore;
using Platform.Application.Common.Errors;
using Platform.Application.Common.Interfaces;
using Platform.Domain.Status;

namespace Platform.Application.Status.Commands.DeleteMonitoredService;

internal sealed class DeleteMonitoredServiceCommandHandler(IPlatformDbContext db, IMonitoredServiceLocks serviceLocks, TimeProvider timeProvider) : IRequestHandler<DeleteMonitoredServiceCommand, bool>
{
    public async Task<bool> Handle(DeleteMonitoredServiceCommand request, CancellationToken cancellationToken)
    {
        // Locks the row, so an incident naming the service cannot be opened between the check and the delete
        // (opening one locks the service with FOR NO KEY UPDATE, which this lock excludes).
        var service = await serviceLocks.LockForChangeAsync(request.ServiceId, cancellationToken)
            ?? throw new NotFoundException(StatusErrorCodes.ServiceNotFound, "No service has this id.");

        var id = service.Id;
        if (await db.Incidents.AnyAsync(i => i.ResolvedAt == null && i.AffectedServiceIds.Contains(id), cancellationToken))
        {
            throw new ConflictException(StatusErrorCodes.ServiceHasOpenIncidents, "The service has unresolved incidents: resolve them first.");
        }

        if (await db.Maintenances.AnyAsync(m => m.Status != MaintenanceStatus.Completed && m.AffectedServiceIds.Contains(id), cancellationToken))
        {
            throw new ConflictException(StatusErrorCodes.ServiceHasPendingMaintenance, "The service has scheduled or running maintenance: let it complete first.");
        }

        service.Delete(timeProvider.GetUtcNowMicros());
        db.MonitoredServices.Remove(service);
        return true;
    }
}
