namespace Platform.Application.Common.Idempotency;

/// <summary>The idempotency keys of running commands, locked across API instances.</summary>
public interface IIdempotencyKeys
{
    /// <summary>
    /// In one round trip: tries to take the key's lock, held until the current transaction ends, and when it is taken
    /// reads the stored record for (scope, operation, key), if any. <see cref="IdempotencyKeyLock.Acquired"/> is false
    /// at once when another transaction (on any instance) holds the lock.
    /// </summary>
    /// <remarks>
    /// The read sees what had committed when the statement began, a moment before the lock was taken: a request
    /// with the same key that commits in that moment is not seen, and this command's own record then collides with
    /// its record on the unique index, which the unit of work answers as <c>idempotency.in_progress</c>.
    /// </remarks>
    Task<IdempotencyKeyLock> TryLockAsync(string scope, string operation, string key, CancellationToken cancellationToken);
}
