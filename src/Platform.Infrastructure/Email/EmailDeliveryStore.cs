using Npgsql;
using NpgsqlTypes;
using Platform.Infrastructure.Persistence;

namespace Platform.Infrastructure.Email;

/// <summary>
/// The email workers' statements. Each runs on its own (autocommit): a claim's row locks last only for that
/// statement, and the lease it writes keeps other instances away, so no transaction or lock is held while a message
/// is being sent. Times of leases and schedules come from the database's clock, which all instances share.
/// </summary>
internal sealed class EmailDeliveryStore(NpgsqlDataSource dataSource)
{
    /// <summary>
    /// Claims up to <paramref name="limit"/> due messages (oldest due first) for <paramref name="owner"/>, with
    /// whether each recipient is suppressed, read in the same statement, so the check is as fresh as the claim. A
    /// claimed message's next attempt moves to the lease's end: if this instance dies it is due again then.
    /// </summary>
    public async Task<IReadOnlyList<ClaimedEmail>> ClaimAsync(int limit, TimeSpan lease, string owner, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            """
            WITH picked AS (
                SELECT id FROM email_messages
                WHERE status = 'pending' AND next_attempt_at <= now()
                ORDER BY next_attempt_at, id
                LIMIT $1
                FOR UPDATE SKIP LOCKED
            )
            UPDATE email_messages m
            SET locked_until = now() + $2, next_attempt_at = now() + $2, locked_by = $3
            FROM picked
            WHERE m.id = picked.id
            RETURNING m.id, m.template, m.recipient, m.subject, m.content, m.attempts,
                      EXISTS (SELECT 1 FROM email_suppressions s WHERE s.email = m.recipient_key)
            """);
        command.Parameters.AddWithValue(limit);
        command.Parameters.AddWithValue(lease);
        command.Parameters.AddWithValue(owner);
        var claimed = new List<ClaimedEmail>(limit);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            claimed.Add(new ClaimedEmail(
                reader.GetGuid(0),
                reader.GetString(1),
                reader.GetString(2),
                reader.GetString(3),
                reader.IsDBNull(4) ? null : reader.GetFieldValue<byte[]>(4),
                reader.GetInt32(5),
                reader.GetBoolean(6)));
        }

        return claimed;
    }

    /// <summary>
    /// Records how a claimed message ended this round, only while this instance still holds it. Finished messages
    /// (sent, failed, suppressed) drop their sealed content; a transient failure leaves it pending, due after
    /// <paramref name="retryIn"/>. A suppressed message counts no attempt: nothing was sent.
    /// </summary>
    public async Task RecordAsync(
        Guid id, EmailRecordStatus status, string provider, string? providerMessageId, string? error, TimeSpan? retryIn, string owner, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            """
            UPDATE email_messages
            SET attempts = attempts + CASE WHEN $2 = 'suppressed' THEN 0 ELSE 1 END,
                last_attempt_at = CASE WHEN $2 = 'suppressed' THEN last_attempt_at ELSE now() END,
                last_error = $5,
                locked_until = NULL,
                status = $2,
                provider = CASE WHEN $2 = 'suppressed' THEN provider ELSE $3 END,
                provider_message_id = CASE WHEN $2 = 'sent' THEN $4 ELSE provider_message_id END,
                sent_at = CASE WHEN $2 = 'sent' THEN now() END,
                finished_at = CASE WHEN $2 = 'pending' THEN NULL ELSE now() END,
                content = CASE WHEN $2 = 'pending' THEN content END,
                next_attempt_at = CASE WHEN $2 = 'pending' THEN now() + $6 ELSE next_attempt_at END
            WHERE id = $1 AND status = 'pending' AND locked_by = $7
            """);
        command.Parameters.AddWithValue(id);
        command.Parameters.AddWithValue(EnumText.ToSnakeCase(status));
        command.Parameters.AddWithValue(provider);
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)Cut(providerMessageId, 500) ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text });
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)Cut(error, 2000) ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text });
        command.Parameters.Add(new NpgsqlParameter { Value = retryIn ?? TimeSpan.Zero, NpgsqlDbType = NpgsqlDbType.Interval });
        command.Parameters.AddWithValue(owner);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>Puts claimed messages back, due after <paramref name="delay"/>, without counting an attempt (the provider's circuit is open, or this instance is stopping).</summary>
    public async Task ReleaseAsync(IReadOnlyCollection<Guid> ids, string owner, TimeSpan delay, CancellationToken cancellationToken)
    {
        if (ids.Count == 0)
        {
            return;
        }

        await using var command = dataSource.CreateCommand(
            """
            UPDATE email_messages
            SET locked_until = NULL, next_attempt_at = now() + $3
            WHERE id = ANY($1) AND status = 'pending' AND locked_by = $2
            """);
        command.Parameters.Add(new NpgsqlParameter { Value = ids.ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Uuid });
        command.Parameters.AddWithValue(owner);
        command.Parameters.AddWithValue(delay);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>Messages waiting, and the age of the oldest of them.</summary>
    public async Task<(long Pending, double OldestPendingAgeSeconds)> StatsAsync(CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            """
            SELECT count(*), coalesce(extract(epoch FROM now() - min(created_at)), 0)::float8
            FROM email_messages WHERE status = 'pending'
            """);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        return (reader.GetInt64(0), Math.Max(0, reader.GetDouble(1)));
    }

    private static string? Cut(string? text, int max) => text is null || text.Length <= max ? text : text[..max];
}
