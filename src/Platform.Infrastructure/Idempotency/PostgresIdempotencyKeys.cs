using Microsoft.EntityFrameworkCore;
using Platform.Application.Common.Idempotency;
using Platform.Infrastructure.Persistence;

namespace Platform.Infrastructure.Idempotency;

/// <summary>
/// A transaction-scoped advisory lock on a 64-bit hash of the key, and the key's row, in one statement: the lock is
/// taken in a one-row subquery and the row is joined only when it was.
/// </summary>
internal sealed class PostgresIdempotencyKeys(PlatformDbContext db) : IIdempotencyKeys
{
    public async Task<IdempotencyKeyLock> TryLockAsync(string scope, string operation, string key, CancellationToken cancellationToken)
    {
        if (db.Database.CurrentTransaction is null)
        {
            throw new InvalidOperationException("An idempotency key is locked for a transaction, and none is open.");
        }

        var lockKey = $"idempotency:{scope}:{operation}:{key}";
        var rows = await db.Database.SqlQuery<LockedRow>($"""
            SELECT l.acquired, i.id, i.request_fingerprint, i.response_json, i.created_at, i.expires_at
            FROM (SELECT pg_try_advisory_xact_lock(hashtextextended({lockKey}, 0)) AS acquired) AS l
            LEFT JOIN idempotency_keys AS i ON l.acquired AND i.scope = {scope} AND i.operation = {operation} AND i.key = {key}
            """).ToListAsync(cancellationToken);
        var row = rows[0];
        return new IdempotencyKeyLock(
            row.Acquired,
            row.Id is { } id
                ? new IdempotencyRecord
                {
                    Id = id,
                    Scope = scope,
                    Operation = operation,
                    Key = key,
                    RequestFingerprint = row.RequestFingerprint!,
                    ResponseJson = row.ResponseJson!,
                    CreatedAt = row.CreatedAt!.Value,
                    ExpiresAt = row.ExpiresAt!.Value,
                }
                : null);
    }

    /// <summary>The statement's one row; the key's columns are null when the lock was refused or no record exists.</summary>
    private sealed class LockedRow
    {
        public bool Acquired { get; init; }

        public Guid? Id { get; init; }

        public string? RequestFingerprint { get; init; }

        public string? ResponseJson { get; init; }

        public DateTimeOffset? CreatedAt { get; init; }

        public DateTimeOffset? ExpiresAt { get; init; }
    }
}
