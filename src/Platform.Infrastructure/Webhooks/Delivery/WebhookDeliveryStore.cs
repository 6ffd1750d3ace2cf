using Npgsql;
using NpgsqlTypes;
using Platform.Domain.Common;
using Platform.Domain.Webhooks;
using Platform.Infrastructure.Persistence;

namespace Platform.Infrastructure.Webhooks.Delivery;

/// <summary>
/// The delivery workers' statements. Each runs on its own (autocommit): a claim's row locks last only for that
/// statement, and the lease it writes keeps other instances away, so no transaction or lock is held while a request
/// is in flight. Times of leases and schedules come from the database's clock, the one clock all instances share.
/// </summary>
internal sealed class WebhookDeliveryStore(NpgsqlDataSource dataSource)
{
    /// <summary>
    /// Claims up to <paramref name="limit"/> due messages of enabled endpoints for <paramref name="owner"/>, endpoint
    /// by endpoint (oldest due first), taking from each no more than its free slots: <paramref name="perEndpoint"/>
    /// less the messages already leased to it by any instance. A claimed message's next attempt moves to the lease's
    /// end, so if this instance dies it is due again when the lease runs out. Each endpoint's oldest due message is
    /// found by one probe of its due index (a LATERAL with LIMIT 1, which the planner cannot turn into a semi-join:
    /// an EXISTS here became a hash of every pending message under load, and the claim the bottleneck).
    /// </summary>
    public async Task<IReadOnlyList<WebhookDelivery>> ClaimAsync(int limit, int perEndpoint, TimeSpan lease, string owner, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            """
            WITH ready AS (
                SELECT e.id,
                       $2 - (SELECT count(*) FROM webhook_messages b WHERE b.endpoint_id = e.id AND b.locked_until > now()) AS free,
                       d.oldest
                FROM webhook_endpoints e,
                     LATERAL (
                         SELECT d.next_attempt_at AS oldest FROM webhook_messages d
                         WHERE d.endpoint_id = e.id AND d.status = 'pending' AND d.next_attempt_at <= now()
                         ORDER BY d.next_attempt_at
                         LIMIT 1
                     ) d
                WHERE e.enabled
            ),
            picked AS (
                SELECT p.id
                FROM (SELECT * FROM ready WHERE free > 0 ORDER BY oldest LIMIT $1) r,
                     LATERAL (
                         SELECT m.id FROM webhook_messages m
                         WHERE m.endpoint_id = r.id AND m.status = 'pending' AND m.next_attempt_at <= now()
                         ORDER BY m.next_attempt_at, m.id
                         LIMIT r.free
                         FOR UPDATE SKIP LOCKED
                     ) p
                LIMIT $1
            )
            UPDATE webhook_messages m
            SET locked_until = now() + $3, next_attempt_at = now() + $3, locked_by = $4
            FROM picked, webhook_endpoints e
            WHERE m.id = picked.id AND e.id = m.endpoint_id
            RETURNING m.id, m.endpoint_id, m.event_type, m.body, m.round_attempts, m.created_at,
                      e.url, e.secret_ciphertext, e.previous_secret_ciphertext, e.previous_secret_expires_at
            """);
        command.Parameters.AddWithValue(limit);
        command.Parameters.AddWithValue((long)perEndpoint);
        command.Parameters.AddWithValue(lease);
        command.Parameters.AddWithValue(owner);
        var claimed = new List<WebhookDelivery>(limit);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            claimed.Add(new WebhookDelivery(
                reader.GetGuid(0),
                reader.GetGuid(1),
                reader.GetString(2),
                reader.GetString(3),
                reader.GetInt32(4),
                reader.GetFieldValue<DateTimeOffset>(5),
                reader.GetString(6),
                reader.GetString(7),
                reader.IsDBNull(8) ? null : reader.GetString(8),
                reader.IsDBNull(9) ? null : reader.GetFieldValue<DateTimeOffset>(9)));
        }

        return claimed;
    }

    /// <summary>
    /// Records one attempt, in one round trip: the attempt row, the message's new state (delivered, due again after
    /// <see cref="WebhookFailure.RetryIn"/>, or failed), and the endpoint's run of failures (cleared by a success,
    /// started by the first failure). The message is updated only while this instance still holds it. For a failure,
    /// returns whether the endpoint has now failed without a break for <paramref name="disableAfter"/>.
    /// </summary>
    public async Task<bool> RecordAsync(WebhookDelivery delivery, WebhookAttemptResult result, WebhookFailure? failure, TimeSpan disableAfter, string owner, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var succeeded = result.Outcome is WebhookAttemptOutcome.Succeeded or WebhookAttemptOutcome.Simulated;
        await using var batch = dataSource.CreateBatch();
        var attempt = new NpgsqlBatchCommand(
            """
            INSERT INTO webhook_attempts (id, message_id, attempted_at, outcome, status_code, latency_ms, response_body, error, instance)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
            """);
        attempt.Parameters.AddWithValue(Uuid7.Create(now));
        attempt.Parameters.AddWithValue(delivery.Id);
        attempt.Parameters.AddWithValue(now);
        attempt.Parameters.AddWithValue(EnumText.ToSnakeCase(result.Outcome));
        attempt.Parameters.Add(new NpgsqlParameter { Value = (object?)result.StatusCode ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Integer });
        attempt.Parameters.AddWithValue((int)Math.Min(int.MaxValue, Math.Max(0, result.Latency.TotalMilliseconds)));
        attempt.Parameters.Add(new NpgsqlParameter { Value = (object?)Cut(result.ResponseBody, WebhookAttempt.MaxResponseBodyChars) ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text });
        attempt.Parameters.Add(new NpgsqlParameter { Value = (object?)Cut(result.Error, 2000) ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text });
        attempt.Parameters.AddWithValue(owner);
        batch.BatchCommands.Add(attempt);

        var message = new NpgsqlBatchCommand(
            """
            UPDATE webhook_messages
            SET attempts = attempts + 1,
                round_attempts = round_attempts + 1,
                last_attempt_at = $2,
                last_status_code = $3,
                last_error = $4,
                locked_until = NULL,
                status = CASE WHEN $5 THEN 'delivered' WHEN $6::interval IS NULL THEN 'failed' ELSE 'pending' END,
                delivered_at = CASE WHEN $5 THEN now() END,
                failed_at = CASE WHEN NOT $5 AND $6::interval IS NULL THEN now() END,
                next_attempt_at = CASE WHEN NOT $5 AND $6::interval IS NOT NULL THEN now() + $6::interval ELSE next_attempt_at END
            WHERE id = $1 AND status = 'pending' AND locked_by = $7
            """);
        message.Parameters.AddWithValue(delivery.Id);
        message.Parameters.AddWithValue(now);
        message.Parameters.Add(new NpgsqlParameter { Value = (object?)result.StatusCode ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Integer });
        message.Parameters.Add(new NpgsqlParameter { Value = succeeded ? DBNull.Value : (object?)Cut(result.Error, 2000) ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text });
        message.Parameters.AddWithValue(succeeded);
        message.Parameters.Add(new NpgsqlParameter { Value = failure?.RetryIn is { } retryIn ? retryIn : DBNull.Value, NpgsqlDbType = NpgsqlDbType.Interval });
        message.Parameters.AddWithValue(owner);
        batch.BatchCommands.Add(message);

        var endpoint = new NpgsqlBatchCommand(
            succeeded
                ? "UPDATE webhook_endpoints SET failing_since = NULL WHERE id = $1 AND failing_since IS NOT NULL RETURNING false"
                : "UPDATE webhook_endpoints SET failing_since = coalesce(failing_since, now()) WHERE id = $1 RETURNING enabled AND failing_since <= now() - $2");
        endpoint.Parameters.AddWithValue(delivery.EndpointId);
        if (!succeeded)
        {
            endpoint.Parameters.AddWithValue(disableAfter);
        }

        batch.BatchCommands.Add(endpoint);

        await using var reader = await batch.ExecuteReaderAsync(cancellationToken);
        var overdue = false;
        do
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                overdue = reader.GetBoolean(0);
            }
        }
        while (await reader.NextResultAsync(cancellationToken));

        return overdue;
    }

    /// <summary>Puts a claimed message back, due after <paramref name="delay"/>, without counting an attempt (its endpoint's circuit is open, or this instance is stopping).</summary>
    public async Task ReleaseAsync(IReadOnlyCollection<Guid> ids, string owner, TimeSpan delay, CancellationToken cancellationToken)
    {
        if (ids.Count == 0)
        {
            return;
        }

        await using var command = dataSource.CreateCommand(
            """
            UPDATE webhook_messages
            SET locked_until = NULL, next_attempt_at = now() + $3
            WHERE id = ANY($1) AND status = 'pending' AND locked_by = $2
            """);
        command.Parameters.Add(new NpgsqlParameter { Value = ids.ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Uuid });
        command.Parameters.AddWithValue(owner);
        command.Parameters.AddWithValue(delay);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>Messages waiting (paused ones of disabled endpoints included), and the age of the oldest of them.</summary>
    public async Task<(long Pending, double OldestPendingAgeSeconds)> StatsAsync(CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            """
            SELECT count(*), coalesce(extract(epoch FROM now() - min(created_at)), 0)::float8
            FROM webhook_messages WHERE status = 'pending'
            """);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        return (reader.GetInt64(0), Math.Max(0, reader.GetDouble(1)));
    }

    private static string? Cut(string? text, int max) => text is null || text.Length <= max ? text : text[..max];
}
