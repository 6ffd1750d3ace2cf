using MapsterMapper;
using Platform.Application.Common.Interfaces;
using Platform.Application.Common.Outbox;
using Platform.Application.Common.UnitOfWork;
using Platform.Domain.Tickets.Events;

namespace Platform.Application.Tickets.Events;

/// <summary>Turns ticket domain events into outbox rows, each carrying the ticket (or comment) as the API shows it after the command.</summary>
internal sealed class TicketIntegrationEventsHandler(IPlatformDbContext db, TimeProvider timeProvider, IMapper mapper) :
    IDomainEventHandler<TicketCreatedDomainEvent>,
    IDomainEventHandler<TicketUpdatedDomainEvent>,
    IDomainEventHandler<TicketStatusChangedDomainEvent>,
    IDomainEventHandler<TicketCommentAddedDomainEvent>
{
    public Task HandleAsync(IReadOnlyList<TicketCreatedDomainEvent> events, CancellationToken cancellationToken)
    {
        foreach (var e in events)
        {
            db.AddIntegrationEvent(IntegrationEventTypes.TicketsCreated, mapper.Map<TicketDto>(e.Ticket), e.OccurredAt, timeProvider.GetUtcNowMicros());
        }

        return Task.CompletedTask;
    }

    public Task HandleAsync(IReadOnlyList<TicketUpdatedDomainEvent> events, CancellationToken cancellationToken)
    {
        foreach (var e in events)
        {
            db.AddIntegrationEvent(IntegrationEventTypes.TicketsUpdated, mapper.Map<TicketDto>(e.Ticket), e.OccurredAt, timeProvider.GetUtcNowMicros());
        }

        return Task.CompletedTask;
    }

    public Task HandleAsync(IReadOnlyList<TicketStatusChangedDomainEvent> events, CancellationToken cancellationToken)
    {
        foreach (var e in events)
        {
            db.AddIntegrationEvent(IntegrationEventTypes.TicketsStatusChanged, mapper.Map<TicketDto>(e.Ticket), e.OccurredAt, timeProvider.GetUtcNowMicros());
        }

        return Task.CompletedTask;
    }

    public Task HandleAsync(IReadOnlyList<TicketCommentAddedDomainEvent> events, CancellationToken cancellationToken)
    {
        foreach (var e in events)
        {
            db.AddIntegrationEvent(IntegrationEventTypes.TicketsCommentAdded, mapper.Map<TicketCommentDto>(e.Comment), e.OccurredAt, timeProvider.GetUtcNowMicros());
        }

        return Task.CompletedTask;
    }
}
