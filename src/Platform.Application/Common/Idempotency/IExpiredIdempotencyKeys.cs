namespace Platform.Application.Common.Idempotency;

/// <summary>
/// Idempotency keys past their expiry, deleted by condition (zero rows is fine): the sweeper and a request reusing
/// an expired key may delete the same row at the same moment. Runs in the caller's transaction, if it has one.
/// </summary>
public interface IExpiredIdempotencyKeys
{
    /// <summary>Deletes the key with this id if it is still expired at <paramref name="now"/>.</summary>
    Task DeleteAsync(Guid id, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>Deletes up to <paramref name="batchSize"/> keys expired at <paramref name="now"/>, oldest expiry first; returns how many went.</summary>
    Task<int> DeleteBatchAsync(DateTimeOffset now, int batchSize, CancellationToken cancellationToken);
}
