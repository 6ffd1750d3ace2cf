using MediatR;
using Microsoft.EntityFrameworkCore;
using Platform.Application.Common.Inbound;
using Platform.Application.Common.Interfaces;
using Platform.Application.Common.Outbox;
using Platform.Domain.Inbound;

namespace Platform.Application.Inbound.Commands.ReceiveInboundEvent;

internal sealed class ReceiveInboundEventCommandHandler(IPlatformDbContext db, IInboundEventStore store, TimeProvider timeProvider)
    : IRequestHandler<ReceiveInboundEventCommand, InboundReceiptDto>
{
    public async Task<InboundReceiptDto> Handle(ReceiveInboundEventCommand request, CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNowMicros();
        var inbound = InboundEvent.Receive(request.Source, request.EventId, request.Type, request.ContentType, request.Payload, now);
        if (!await store.TryInsertAsync(inbound, cancellationToken))
        {
            // Already stored (and processed, or on its way): the provider is told it arrived, and nothing runs twice.
            var existing = await db.InboundEvents.AsNoTracking()
                .Where(e => e.Source == request.Source && e.EventId == request.EventId)
                .Select(e => e.Id)
                .SingleAsync(cancellationToken);
            return new InboundReceiptDto(existing, Duplicate: true);
        }

        db.AddIntegrationEvent(
            IntegrationEventTypes.InboundReceived, new InboundEventReceivedDto(inbound.Id, inbound.Source, inbound.EventId, inbound.Type), now, now);
        return new InboundReceiptDto(inbound.Id, Duplicate: false);
    }
}
