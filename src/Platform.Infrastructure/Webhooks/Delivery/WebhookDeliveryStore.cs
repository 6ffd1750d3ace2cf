using System.Collections.Concurrent;
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
    /// <summary>Attempts written in one batch at most.</summary>
    private const int MaxRecordBatch = 256;

    private readonly ConcurrentQueue<PendingRecord> records = new();
    private readonly SemaphoreSlim writing = new(1, 1);

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
    /// Records one attempt: the attempt row, the message's new state (delivered, due again after
    /// <see cref="WebhookFailure.RetryIn"/>, or failed), and the endpoint's run of failures (cleared by a success,
    /// started by the first failure). The message is updated only while this instance still holds it. For a failure,
    /// returns whether the endpoint has now failed without a break for <paramref name="disableAfter"/>. Attempts
    /// recorded at the same time share one round trip and one transaction (group commit): while one batch is being
    /// written the next gathers, so under load a record costs a fraction of a statement, and alone it costs one batch.
    /// </summary>
    public async Task<bool> RecordAsync(WebhookDelivery delivery, WebhookAttemptResult result, WebhookFailure? failure, TimeSpan disableAfter, string owner, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var pending = new PendingRecord(delivery, result, failure, disableAfter, owner, now);
        records.Enqueue(pending);
        await writing.WaitAsync(cancellationToken);
        try
        {
            while (!pending.Done.Task.IsCompleted)
            {
                var batch = new List<PendingRecord>(MaxRecordBatch);
                while (batch.Count < MaxRecordBatch && records.TryDequeue(out var next))
                {
                    batch.Add(next);
                }

                try
                {
                    var overdue = await WriteRecordsAsync(batch, cancellationToken);
                    foreach (var record in batch)
                    {
                        record.Done.TrySetResult(!record.Succeeded && overdue.Contains(record.Delivery.EndpointId));
                    }
                }
                catch (Exception ex)
                {
                    foreach (var record in batch)
                    {
                        record.Done.TrySetException(ex);
                    }
                }
            }
        }
        finally
        {
            writing.Release();
        }

        return await pending.Done.Task;
    }

    /// <summary>
    /// One batch of records in one transaction: the attempts inserted and the messages updated set-wise, then each
    /// endpoint's run of failures as the last of its attempts in the batch leaves it, its rows locked in id order so
    /// that instances writing batches at once cannot deadlock. Returns the endpoints now failing for too long.
    /// </summary>
    private async Task<HashSet<Guid>> WriteRecordsAsync(List<PendingRecord> batch, CancellationToken cancellationToken)
    {
        await using var sql = dataSource.CreateBatch();
        var attempts = new NpgsqlBatchCommand(
            """
            INSERT INTO webhook_attempts (id, message_id, attempted_at, outcome, status_code, latency_ms, response_body, error, instance)
            SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::timestamptz[], $4::text[], $5::integer[], $6::integer[], $7::text[], $8::text[], $9::text[])
            """);
        attempts.Parameters.Add(ArrayOf(batch.Select(r => Uuid7.Create(r.Now)), NpgsqlDbType.Uuid));
        attempts.Parameters.Add(ArrayOf(batch.Select(r => r.Delivery.Id), NpgsqlDbType.Uuid));
        attempts.Parameters.Add(ArrayOf(batch.Select(r => r.Now), NpgsqlDbType.TimestampTz));
        attempts.Parameters.Add(ArrayOf(batch.Select(r => EnumText.ToSnakeCase(r.Result.Outcome)), NpgsqlDbType.Text));
        attempts.Parameters.Add(ArrayOf(batch.Select(r => r.Result.StatusCode), NpgsqlDbType.Integer));
        attempts.Parameters.Add(ArrayOf(batch.Select(r => (int)Math.Min(int.MaxValue, Math.Max(0, r.Result.Latency.TotalMilliseconds))), NpgsqlDbType.Integer));
        attempts.Parameters.Add(ArrayOf(batch.Select(r => Cut(r.Result.ResponseBody, WebhookAttempt.MaxResponseBodyChars)), NpgsqlDbType.Text));
        attempts.Parameters.Add(ArrayOf(batch.Select(r => Cut(r.Result.Error, 2000)), NpgsqlDbType.Text));
        attempts.Parameters.Add(ArrayOf(batch.Select(r => r.Owner), NpgsqlDbType.Text));
        sql.BatchCommands.Add(attempts);

        var messages = new NpgsqlBatchCommand(
            """
            UPDATE webhook_messages m
            SET attempts = m.attempts + 1,
                round_attempts = m.round_attempts + 1,
                last_attempt_at = r.at,
                last_status_code = r.status_code,
                last_error = r.error,
                locked_until = NULL,
                status = CASE WHEN r.succeeded THEN 'delivered' WHEN r.retry_in IS NULL THEN 'failed' ELSE 'pending' END,
                delivered_at = CASE WHEN r.succeeded THEN now() END,
                failed_at = CASE WHEN NOT r.succeeded AND r.retry_in IS NULL THEN now() END,
                next_attempt_at = CASE WHEN NOT r.succeeded AND r.retry_in IS NOT NULL THEN now() + r.retry_in ELSE m.next_attempt_at END
            FROM unnest($1::uuid[], $2::timestamptz[], $3::integer[], $4::text[], $5::boolean[], $6::interval[], $7::text[])
                 AS r (id, at, status_code, error, succeeded, retry_in, owner)
            WHERE m.id = r.id AND m.status = 'pending' AND m.locked_by = r.owner
            """);
        messages.Parameters.Add(ArrayOf(batch.Select(r => r.Delivery.Id), NpgsqlDbType.Uuid));
        messages.Parameters.Add(ArrayOf(batch.Select(r => r.Now), NpgsqlDbType.TimestampTz));
        messages.Parameters.Add(ArrayOf(batch.Select(r => r.Result.StatusCode), NpgsqlDbType.Integer));
        messages.Parameters.Add(ArrayOf(batch.Select(r => r.Succeeded ? null : Cut(r.Result.Error, 2000)), NpgsqlDbType.Text));
        messages.Parameters.Add(ArrayOf(batch.Select(r => r.Succeeded), NpgsqlDbType.Boolean));
        messages.Parameters.Add(ArrayOf(batch.Select(r => r.Failure?.RetryIn), NpgsqlDbType.Interval));
        messages.Parameters.Add(ArrayOf(batch.Select(r => r.Owner), NpgsqlDbType.Text));
        sql.BatchCommands.Add(messages);

        // Per endpoint, what the batch's attempts (in the order they were recorded) leave: a success last clears the run
        // of failures; failures after a success start a new one now; failures alone start it if it was not running.
        var endpoints = batch
            .GroupBy(r => r.Delivery.EndpointId)
            .Select(g => (Id: g.Key, Action: g.Last().Succeeded ? "clear" : g.Any(r => r.Succeeded) ? "restart" : "continue", DisableAfter: g.Last().DisableAfter))
            .OrderBy(e => e.Id)
            .ToList();
        var runs = new NpgsqlBatchCommand(
            """
            WITH wanted AS (
                SELECT u.id, u.action, u.disable_after FROM unnest($1::uuid[], $2::text[], $3::interval[]) AS u (id, action, disable_after)
            ),
            locked AS (
                SELECT e.id, w.action, w.disable_after
                FROM webhook_endpoints e JOIN wanted w ON w.id = e.id
                WHERE w.action <> 'clear' OR e.failing_since IS NOT NULL
                ORDER BY e.id
                FOR NO KEY UPDATE OF e
            )
            UPDATE webhook_endpoints e
            SET failing_since = CASE l.action WHEN 'clear' THEN NULL WHEN 'restart' THEN now() ELSE coalesce(e.failing_since, now()) END
            FROM locked l
            WHERE e.id = l.id
            RETURNING e.id, l.action <> 'clear' AND e.enabled AND e.failing_since <= now() - l.disable_after
            """);
        runs.Parameters.Add(ArrayOf(endpoints.Select(e => e.Id), NpgsqlDbType.Uuid));
        runs.Parameters.Add(ArrayOf(endpoints.Select(e => e.Action), NpgsqlDbType.Text));
        runs.Parameters.Add(ArrayOf(endpoints.Select(e => e.DisableAfter), NpgsqlDbType.Interval));
        sql.BatchCommands.Add(runs);

        var overdue = new HashSet<Guid>();
        await using var reader = await sql.ExecuteReaderAsync(cancellationToken);
        do
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                if (reader.FieldCount == 2 && reader.GetBoolean(1))
                {
                    overdue.Add(reader.GetGuid(0));
                }
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

    private static NpgsqlParameter ArrayOf<T>(IEnumerable<T> values, NpgsqlDbType type) =>
        new() { Value = values.ToArray(), NpgsqlDbType = NpgsqlDbType.Array | type };

    /// <summary>One attempt waiting to be written, and the caller waiting for it.</summary>
    private sealed record PendingRecord(WebhookDelivery Delivery, WebhookAttemptResult Result, WebhookFailure? Failure, TimeSpan DisableAfter, string Owner, DateTimeOffset Now)
    {
        public bool Succeeded => Result.Outcome is WebhookAttemptOutcome.Succeeded or WebhookAttemptOutcome.Simulated;

        public TaskCompletionSource<bool> Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
