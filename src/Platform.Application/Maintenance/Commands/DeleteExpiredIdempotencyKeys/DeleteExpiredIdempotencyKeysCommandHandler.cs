using MediatR;
using Microsoft.EntityFrameworkCore;
using Platform.Application.Common.Interfaces;

namespace Platform.Application.Maintenance.Commands.DeleteExpiredIdempotencyKeys;

internal sealed class DeleteExpiredIdempotencyKeysCommandHandler(IPlatformDbContext db, TimeProvider timeProvider)
    : IRequestHandler<DeleteExpiredIdempotencyKeysCommand, int>
{
    public async Task<int> Handle(DeleteExpiredIdempotencyKeysCommand request, CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNowMicros();
        var total = 0;
        for (var batch = 0; batch < request.MaxBatches; batch++)
        {
            var ids = db.IdempotencyRecords.Where(r => r.ExpiresAt <= now).OrderBy(r => r.ExpiresAt).Select(r => r.Id).Take(request.BatchSize);
            var deleted = await db.IdempotencyRecords.Where(r => ids.Contains(r.Id)).ExecuteDeleteAsync(cancellationToken);
            total += deleted;
            if (deleted < request.BatchSize)
            {
                break;
            }
        }

        return total;
    }
}
