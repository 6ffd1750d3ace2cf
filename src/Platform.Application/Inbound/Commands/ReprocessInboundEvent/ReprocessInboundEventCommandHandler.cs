using MapsterMapper;
using MediatR;
using Platform.Application.Common.Errors;
using Platform.Application.Common.Inbound;
using Platform.Application.Common.Interfaces;
using Platform.Application.Common.Outbox;
using Platform.Domain.Inbound;

namespace Platform.Application.Inbound.Commands.ReprocessInboundEvent;

internal sealed class ReprocessInboundEventCommandHandler(IPlatformDbContext db, IInboundEventStore store, TimeProvider timeProvider, IMapper mapper)
    : IRequestHandler<ReprocessInboundEventCommand, InboundEventDto>
{
    public async Task<InboundEventDto> Handle(ReprocessInboundEventCommand request, CancellationToken cancellationToken)
    {
        var inbound = await store.LockAsync(request.EventId, cancellationToken)
            ?? throw new NotFoundException(InboundErrorCodes.NotFound, "No inbound event has this id.");
        inbound.Reprocess();
        var now = timeProvider.GetUtcNowMicros();
        db.AddIntegrationEvent(
            IntegrationEventTypes.InboundReceived, new InboundEventReceivedDto(inbound.Id, inbound.Source, inbound.EventId, inbound.Type), now, now);
        return mapper.Map<InboundEventDto>(inbound);
    }
}
