using MapsterMapper;
using MediatR;
using Platform.Application.Common.Interfaces;
using Platform.Application.Common.Messaging;
using Platform.Domain.Status;

namespace Platform.Application.Status.Commands.CreateIncident;

internal sealed class CreateIncidentCommandHandler(
    IPlatformDbContext db,
    StatusChanges statusChanges,
    ICurrentUser currentUser,
    TimeProvider timeProvider,
    IMapper mapper) : IRequestHandler<CreateIncidentCommand, IncidentDto>
{
    public async Task<IncidentDto> Handle(CreateIncidentCommand request, CancellationToken cancellationToken)
    {
        await statusChanges.EnsureServicesExistAsync(request.AffectedServiceIds, "affected_service_ids", cancellationToken);

        var now = timeProvider.GetUtcNowMicros();
        var serviceStatus = request.ServiceStatus is null ? (ServiceStatus?)null : WireNames.Parse<ServiceStatus>(request.ServiceStatus);
        var incident = Incident.Open(
            request.Title,
            WireNames.Parse<IncidentStatus>(request.Status),
            WireNames.Parse<IncidentImpact>(request.Impact),
            request.AffectedServiceIds,
            request.Message,
            serviceStatus,
            currentUser.UserId!.Value,
            now);
        db.Incidents.Add(incident);
        if (serviceStatus is { } status)
        {
            await statusChanges.RecordAsync(incident.AffectedServiceIds, status, StatusChanges.EventMessage($"{incident.Title}: {request.Message}"), now, currentUser.UserId, now, cancellationToken);
        }

        return mapper.Map<IncidentDto>(incident);
    }
}
