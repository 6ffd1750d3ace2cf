using MediatR;
using Platform.Application.Common.Idempotency;
using Platform.Application.Common.Interfaces;

namespace Platform.Application.Housekeeping.Commands.DeleteExpiredIdempotencyKeys;

internal sealed class DeleteExpiredIdempotencyKeysCommandHandler(IExpiredIdempotencyKeys expiredKeys, TimeProvider timeProvider)
    : IRequestHandler<DeleteExpiredIdempotencyKeysCommand, int>
{
    public async Task<int> Handle(DeleteExpiredIdempotencyKeysCommand request, CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNowMicros();
        var total = 0;
        for (var batch = 0; batch < request.MaxBatches; batch++)
        {
            var deleted = await expiredKeys.DeleteBatchAsync(now, request.BatchSize, cancellationToken);
            total += deleted;
            if (deleted < request.BatchSize)
            {
                break;
            }
        }

        return total;
    }
}
