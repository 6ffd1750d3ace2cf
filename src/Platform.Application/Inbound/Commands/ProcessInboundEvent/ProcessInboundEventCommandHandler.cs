using MediatR;
using Microsoft.Extensions.DependencyInjection;
using Platform.Application.Common.Inbound;
using Platform.Application.Common.Interfaces;

namespace Platform.Application.Inbound.Commands.ProcessInboundEvent;

internal sealed class ProcessInboundEventCommandHandler(
    IInboundEventStore store, InboundSources sources, IServiceProvider services, TimeProvider timeProvider)
    : IRequestHandler<ProcessInboundEventCommand, bool>
{
    public async Task<bool> Handle(ProcessInboundEventCommand request, CancellationToken cancellationToken)
    {
        // The row lock makes concurrent runs (a redelivery, an admin's reprocess) wait for each other, then see "processed".
        var inbound = await store.LockAsync(request.EventId, cancellationToken);
        if (inbound is null || inbound.ProcessedAt is not null)
        {
            return false;
        }

        var handlerType = sources.HandlerTypeOf(inbound.Source)
            ?? throw new InvalidOperationException($"No inbound source named '{inbound.Source}' is registered, so its event cannot be processed.");
        var handler = (IInboundEventHandler)services.GetRequiredService(handlerType);
        await handler.HandleAsync(
            new InboundEventContext(inbound.Id, inbound.Source, inbound.EventId, inbound.Type, inbound.Payload, inbound.ReceivedAt), cancellationToken);
        inbound.MarkProcessed(timeProvider.GetUtcNowMicros());
        return true;
    }
}
