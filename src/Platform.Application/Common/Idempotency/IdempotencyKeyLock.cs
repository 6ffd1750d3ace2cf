namespace Platform.Application.Common.Idempotency;

/// <summary>The outcome of <see cref="IIdempotencyKeys.TryLockAsync"/>.</summary>
/// <param name="Acquired">Whether this transaction now holds the key's lock.</param>
/// <param name="Existing">The stored record (expired or not), when the lock was acquired and one exists.</param>
public sealed record IdempotencyKeyLock(bool Acquired, IdempotencyRecord? Existing);
