using MapsterMapper;
using MediatR;
using Platform.Application.Common.Errors;
using Platform.Application.Common.Interfaces;
using Platform.Application.Common.Messaging;
using Platform.Domain.Status;

namespace Platform.Application.Status.Commands.AddIncidentUpdate;

internal sealed class AddIncidentUpdateCommandHandler(
    IIncidentLocks incidentLocks,
    StatusChanges statusChanges,
    ICurrentUser currentUser,
    TimeProvider timeProvider,
    IMapper mapper) : IRequestHandler<AddIncidentUpdateCommand, IncidentDto>
{
    public async Task<IncidentDto> Handle(AddIncidentUpdateCommand request, CancellationToken cancellationToken)
    {
        // Row lock: two updates posted at once are applied one after the other.
        var incident = await incidentLocks.LockForUpdateAsync(request.IncidentId, cancellationToken)
            ?? throw new NotFoundException(StatusErrorCodes.IncidentNotFound, "No incident has this id.");

        var now = timeProvider.GetUtcNowMicros();
        var serviceStatus = request.ServiceStatus is null ? (ServiceStatus?)null : WireNames.Parse<ServiceStatus>(request.ServiceStatus);
        if (serviceStatus is not null && incident.AffectedServiceIds.Count == 0)
        {
            throw new RequestValidationException("service_status", "service_status needs an incident with affected services.");
        }

        incident.AddUpdate(WireNames.Parse<IncidentStatus>(request.Status), request.Message, serviceStatus, currentUser.UserId!.Value, now);
        if (serviceStatus is { } status)
        {
            // The incident was unresolved until now, so none of its services can have been deleted.
            await statusChanges.RecordAsync(incident.AffectedServiceIds, status, StatusChanges.EventMessage($"{incident.Title}: {request.Message}"), now, currentUser.UserId, now, cancellationToken);
        }

        return mapper.Map<IncidentDto>(incident);
    }
}
