using MediatR;
using Platform.Application.Common.Interfaces;
using Platform.Application.Common.Outbox;

namespace Platform.Application.Housekeeping.Commands.DeleteProcessedOutboxMessages;

internal sealed class DeleteProcessedOutboxMessagesCommandHandler(IProcessedOutboxMessages processedMessages, TimeProvider timeProvider)
    : IRequestHandler<DeleteProcessedOutboxMessagesCommand, int>
{
    public async Task<int> Handle(DeleteProcessedOutboxMessagesCommand request, CancellationToken cancellationToken)
    {
        var before = timeProvider.GetUtcNowMicros() - request.RetainFor;
        var total = 0;
        for (var batch = 0; batch < request.MaxBatches; batch++)
        {
            var deleted = await processedMessages.DeleteBatchAsync(before, request.BatchSize, cancellationToken);
            total += deleted;
            if (deleted < request.BatchSize)
            {
                break;
            }
        }

        return total;
    }
}
