using MediatR;
using Platform.Application.Common.Inbound;

namespace Platform.Application.Inbound.Commands.RecordInboundEventFailure;

internal sealed class RecordInboundEventFailureCommandHandler(IInboundEventStore store)
    : IRequestHandler<RecordInboundEventFailureCommand, bool>
{
    public async Task<bool> Handle(RecordInboundEventFailureCommand request, CancellationToken cancellationToken)
    {
        var inbound = await store.LockAsync(request.EventId, cancellationToken);
        if (inbound is null || inbound.ProcessedAt is not null)
        {
            return false;
        }

        inbound.MarkFailed(request.Error);
        return true;
    }
}
