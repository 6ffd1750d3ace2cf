using Platform.Application.Common.Idempotency;

namespace PipelineBench.Adapters;

/// <summary>No key ever expires during a run.</summary>
internal sealed class NoExpiredIdempotencyKeys : IExpiredIdempotencyKeys
{
    public Task DeleteAsync(Guid id, DateTimeOffset now, CancellationToken cancellationToken) => Task.CompletedTask;

    public Task<int> DeleteBatchAsync(DateTimeOffset now, int batchSize, CancellationToken cancellationToken) => Task.FromResult(0);
}
