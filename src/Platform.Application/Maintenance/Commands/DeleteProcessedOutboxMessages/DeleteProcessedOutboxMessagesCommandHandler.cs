using MediatR;
using Microsoft.EntityFrameworkCore;
using Platform.Application.Common.Interfaces;
using Platform.Application.Common.Outbox;

namespace Platform.Application.Maintenance.Commands.DeleteProcessedOutboxMessages;

internal sealed class DeleteProcessedOutboxMessagesCommandHandler(IPlatformDbContext db, TimeProvider timeProvider)
    : IRequestHandler<DeleteProcessedOutboxMessagesCommand, int>
{
    public async Task<int> Handle(DeleteProcessedOutboxMessagesCommand request, CancellationToken cancellationToken)
    {
        var before = timeProvider.GetUtcNowMicros() - request.RetainFor;
        var total = 0;
        for (var batch = 0; batch < request.MaxBatches; batch++)
        {
            var ids = db.OutboxMessages
                .Where(m => m.Status == OutboxStatus.Processed && m.ProcessedAt < before)
                .OrderBy(m => m.ProcessedAt)
                .Select(m => m.Id)
                .Take(request.BatchSize);
            var deleted = await db.OutboxMessages.Where(m => ids.Contains(m.Id)).ExecuteDeleteAsync(cancellationToken);
            total += deleted;
            if (deleted < request.BatchSize)
            {
                break;
            }
        }

        return total;
    }
}
