using Platform.Application.Common.Idempotency;

namespace PipelineBench.Adapters;

/// <summary>
/// The lock and lookup in one call, answered as PostgreSQL answers it for a key it has not seen: taken, nothing
/// stored. Every key the benchmark sends is new, so that is the only answer it needs.
/// </summary>
internal sealed class FreshIdempotencyKeys : IIdempotencyKeys
{
    private static readonly Task<IdempotencyKeyLock> Free = Task.FromResult(new IdempotencyKeyLock(Acquired: true, Existing: null));

    public Task<IdempotencyKeyLock> TryLockAsync(string scope, string operation, string key, CancellationToken cancellationToken) => Free;
}
