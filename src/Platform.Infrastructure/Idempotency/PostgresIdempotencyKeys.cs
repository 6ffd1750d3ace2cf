using Npgsql;
using Platform.Application.Common.Idempotency;
using Platform.Infrastructure.Persistence;

namespace Platform.Infrastructure.Idempotency;

/// <summary>
/// A transaction-scoped advisory lock on a 64-bit hash of the key, and the key's row, in one statement: the lock is
/// taken in a one-row subquery and the row is joined only when it was. When the key is new (the command will run and
/// write), the same statement also returns the transaction's id for the commit verifier, which would otherwise ask
/// for it in a round trip of its own just before COMMIT.
/// </summary>
internal sealed class PostgresIdempotencyKeys(PlatformDbContext db, PostgresCommitVerifier commitVerifier) : IIdempotencyKeys
{
    public async Task<IdempotencyKeyLock> TryLockAsync(string scope, string operation, string key, CancellationToken cancellationToken)
    {
        if (db.Database.CurrentTransaction is null)
        {
            throw new InvalidOperationException("An idempotency key is locked for a transaction, and none is open.");
        }

        var lockKey = $"idempotency:{scope}:{operation}:{key}";
        await using var command = db.Database.CreateCommand("""
            SELECT l.acquired, i.id, i.request_fingerprint, i.response_json, i.created_at, i.expires_at,
                CASE WHEN l.acquired AND i.id IS NULL THEN pg_current_xact_id()::text END
            FROM (SELECT pg_try_advisory_xact_lock(hashtextextended($1, 0)) AS acquired) AS l
            LEFT JOIN idempotency_keys AS i ON l.acquired AND i.scope = $2 AND i.operation = $3 AND i.key = $4
            """);
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = lockKey });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = scope });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = operation });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = key });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            throw new InvalidOperationException("The idempotency key's lock statement returned no row.");
        }

        if (!await reader.IsDBNullAsync(6, cancellationToken))
        {
            commitVerifier.Noted(reader.GetString(6));
        }

        return new IdempotencyKeyLock(
            reader.GetBoolean(0),
            await reader.IsDBNullAsync(1, cancellationToken)
                ? null
                : new IdempotencyRecord
                {
                    Id = reader.GetGuid(1),
                    Scope = scope,
                    Operation = operation,
                    Key = key,
                    RequestFingerprint = reader.GetString(2),
                    ResponseJson = reader.GetString(3),
                    CreatedAt = reader.GetFieldValue<DateTimeOffset>(4),
                    ExpiresAt = reader.GetFieldValue<DateTimeOffset>(5),
                });
    }
}
