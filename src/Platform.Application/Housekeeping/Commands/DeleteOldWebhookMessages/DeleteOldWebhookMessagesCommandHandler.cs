using MediatR;
using Platform.Application.Common.Interfaces;

namespace Platform.Application.Housekeeping.Commands.DeleteOldWebhookMessages;

internal sealed class DeleteOldWebhookMessagesCommandHandler(IOldWebhookMessages oldMessages, TimeProvider timeProvider)
    : IRequestHandler<DeleteOldWebhookMessagesCommand, int>
{
    public async Task<int> Handle(DeleteOldWebhookMessagesCommand request, CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNowMicros();
        var total = 0;
        for (var batch = 0; batch < request.MaxBatches; batch++)
        {
            var deleted = await oldMessages.DeleteBatchAsync(now - request.RetainDeliveredFor, now - request.RetainFailedFor, request.BatchSize, cancellationToken);
            total += deleted;
            if (deleted < request.BatchSize)
            {
                break;
            }
        }

        return total;
    }
}
