using Npgsql;
using NpgsqlTypes;
using Platform.Application.Common.Outbox;

namespace Platform.Infrastructure.Outbox;

/// <summary>
/// The dispatcher's statements. Each runs on its own (autocommit): the row locks of a claim last only for that
/// statement, and the lease it writes is what keeps other instances away, so no transaction or lock is ever held
/// while a handler does its work. Times come from the database's clock, the one clock all instances share.
/// </summary>
public sealed class OutboxStore(NpgsqlDataSource dataSource)
{
    /// <summary>
    /// Claims up to <paramref name="batchSize"/> due messages for <paramref name="owner"/>: each gets a lease (its
    /// next attempt moves to the lease's end, so an instance that dies leaves it due again when the lease runs out)
    /// and one more attempt counted. SKIP LOCKED lets instances claim side by side without waiting for each other.
    /// </summary>
    public async Task<IReadOnlyList<OutboxEnvelope>> ClaimAsync(int batchSize, TimeSpan lease, string owner, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            """
            WITH due AS (
                SELECT id FROM outbox_messages
                WHERE status = 'pending' AND next_attempt_at <= now()
                ORDER BY next_attempt_at, id
                LIMIT $1
                FOR UPDATE SKIP LOCKED
            )
            UPDATE outbox_messages m
            SET locked_until = now() + $2, next_attempt_at = now() + $2, locked_by = $3, attempts = m.attempts + 1
            FROM due
            WHERE m.id = due.id
            RETURNING m.id, m.type, m.occurred_at, m.payload::text, m.attempts
            """);
        command.Parameters.AddWithValue(batchSize);
        command.Parameters.AddWithValue(lease);
        command.Parameters.AddWithValue(owner);
        var claimed = new List<OutboxEnvelope>(batchSize);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            claimed.Add(new OutboxEnvelope(reader.GetGuid(0), reader.GetString(1), reader.GetFieldValue<DateTimeOffset>(2), reader.GetString(3), reader.GetInt32(4)));
        }

        return claimed;
    }

    /// <summary>Marks messages processed (one statement for the batch).</summary>
    public async Task CompleteAsync(IReadOnlyCollection<Guid> ids, CancellationToken cancellationToken)
    {
        if (ids.Count == 0)
        {
            return;
        }

        await using var command = dataSource.CreateCommand(
            """
            UPDATE outbox_messages
            SET status = 'processed', processed_at = now(), locked_until = NULL
            WHERE id = ANY($1) AND status = 'pending'
            """);
        command.Parameters.Add(new NpgsqlParameter { Value = ids.ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Uuid });
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>Records a failed attempt: due again after <paramref name="delay"/>, or parked as failed when <paramref name="park"/>.</summary>
    public async Task FailAsync(Guid id, string error, bool park, TimeSpan delay, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            """
            UPDATE outbox_messages
            SET last_error = $2,
                locked_until = NULL,
                status = CASE WHEN $3 THEN 'failed' ELSE 'pending' END,
                failed_at = CASE WHEN $3 THEN now() END,
                next_attempt_at = CASE WHEN $3 THEN next_attempt_at ELSE now() + $4 END
            WHERE id = $1 AND status = 'pending'
            """);
        command.Parameters.AddWithValue(id);
        command.Parameters.AddWithValue(error.Length <= 2000 ? error : error[..2000]);
        command.Parameters.AddWithValue(park);
        command.Parameters.AddWithValue(delay);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>Gives back messages this instance claimed but will not finish (it is stopping): due again at once, for any instance.</summary>
    public async Task ReleaseAsync(IReadOnlyCollection<Guid> ids, string owner, CancellationToken cancellationToken)
    {
        if (ids.Count == 0)
        {
            return;
        }

        await using var command = dataSource.CreateCommand(
            """
            UPDATE outbox_messages
            SET locked_until = NULL, next_attempt_at = now()
            WHERE id = ANY($1) AND status = 'pending' AND locked_by = $2
            """);
        command.Parameters.Add(new NpgsqlParameter { Value = ids.ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Uuid });
        command.Parameters.AddWithValue(owner);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>How many messages are pending and parked, and how old the oldest pending one is.</summary>
    public async Task<OutboxStats> StatsAsync(CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            """
            SELECT count(*) FILTER (WHERE status = 'pending'),
                   count(*) FILTER (WHERE status = 'failed'),
                   coalesce(extract(epoch FROM now() - min(occurred_at) FILTER (WHERE status = 'pending')), 0)::float8
            FROM outbox_messages
            WHERE status IN ('pending', 'failed')
            """);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        return new OutboxStats(reader.GetInt64(0), reader.GetInt64(1), Math.Max(0, reader.GetDouble(2)));
    }
}
