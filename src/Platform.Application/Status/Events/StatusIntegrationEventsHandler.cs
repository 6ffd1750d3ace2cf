using MapsterMapper;
using Platform.Application.Common.Interfaces;
using Platform.Application.Common.Outbox;
using Platform.Application.Common.UnitOfWork;
using Platform.Domain.Status.Events;

namespace Platform.Application.Status.Events;

/// <summary>Outbox rows for status-page events: each carries the event, incident or maintenance as the API shows it after the command.</summary>
internal sealed class StatusIntegrationEventsHandler(IPlatformDbContext db, TimeProvider timeProvider, IMapper mapper) :
    IDomainEventHandler<ServiceStatusChangedDomainEvent>,
    IDomainEventHandler<IncidentCreatedDomainEvent>,
    IDomainEventHandler<IncidentUpdatedDomainEvent>,
    IDomainEventHandler<MaintenanceStartedDomainEvent>,
    IDomainEventHandler<MaintenanceCompletedDomainEvent>
{
    public Task HandleAsync(IReadOnlyList<ServiceStatusChangedDomainEvent> events, CancellationToken cancellationToken)
    {
        foreach (var e in events)
        {
            db.AddIntegrationEvent(IntegrationEventTypes.MonitoredServiceStatusChanged, mapper.Map<StatusEventDto>(e.Event), e.OccurredAt, timeProvider.GetUtcNowMicros());
        }

        return Task.CompletedTask;
    }

    public Task HandleAsync(IReadOnlyList<IncidentCreatedDomainEvent> events, CancellationToken cancellationToken)
    {
        foreach (var e in events)
        {
            db.AddIntegrationEvent(IntegrationEventTypes.StatusIncidentCreated, mapper.Map<IncidentDto>(e.Incident), e.OccurredAt, timeProvider.GetUtcNowMicros());
        }

        return Task.CompletedTask;
    }

    public Task HandleAsync(IReadOnlyList<IncidentUpdatedDomainEvent> events, CancellationToken cancellationToken)
    {
        // Two updates to one incident in one command would describe the same final state: one row per incident.
        foreach (var e in events.DistinctBy(e => e.Incident.Id))
        {
            db.AddIntegrationEvent(IntegrationEventTypes.StatusIncidentUpdated, mapper.Map<IncidentDto>(e.Incident), e.OccurredAt, timeProvider.GetUtcNowMicros());
        }

        return Task.CompletedTask;
    }

    public Task HandleAsync(IReadOnlyList<MaintenanceStartedDomainEvent> events, CancellationToken cancellationToken)
    {
        foreach (var e in events)
        {
            db.AddIntegrationEvent(IntegrationEventTypes.StatusMaintenanceStarted, mapper.Map<MaintenanceDto>(e.Maintenance), e.OccurredAt, timeProvider.GetUtcNowMicros());
        }

        return Task.CompletedTask;
    }

    public Task HandleAsync(IReadOnlyList<MaintenanceCompletedDomainEvent> events, CancellationToken cancellationToken)
    {
        foreach (var e in events)
        {
            db.AddIntegrationEvent(IntegrationEventTypes.StatusMaintenanceCompleted, mapper.Map<MaintenanceDto>(e.Maintenance), e.OccurredAt, timeProvider.GetUtcNowMicros());
        }

        return Task.CompletedTask;
    }
}
