using Npgsql;
using NpgsqlTypes;
using Platform.Application.Webhooks.Delivery;
using Platform.Domain.Common;

namespace Platform.Infrastructure.Webhooks.Delivery;

/// <summary>
/// The outbox fan-out's statements (autocommit; the outbox handler runs outside any request). Enabled endpoints get a
/// pending message. An endpoint that delivery disabled (it answered 410, or kept failing) gets the message as failed,
/// "not sent", so that <c>recover</c> replays everything it missed; one an admin disabled gets nothing. An endpoint
/// that already has this event gets no second message (the unique index on endpoint and event), so a re-dispatched
/// event adds nothing. The insert's trigger wakes every instance's delivery worker.
/// </summary>
internal sealed class PostgresWebhookMessageWriter(NpgsqlDataSource dataSource) : IWebhookMessageWriter
{
    public async Task<int> FanOutAsync(Guid eventId, string eventType, string body, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var endpoints = new List<Guid>();
        await using (var select = dataSource.CreateCommand(
            "SELECT id FROM webhook_endpoints WHERE (enabled OR disabled_reason IN ('gone', 'failing')) AND (event_types @> ARRAY[$1] OR event_types @> ARRAY['*'])"))
        {
            select.Parameters.AddWithValue(eventType);
            await using var reader = await select.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                endpoints.Add(reader.GetGuid(0));
            }
        }

        if (endpoints.Count == 0)
        {
            return 0;
        }

        var ids = endpoints.Select(_ => Uuid7.Create(now)).ToArray();
        await using var insert = dataSource.CreateCommand(
            """
            INSERT INTO webhook_messages (id, endpoint_id, event_id, event_type, body, status, attempts, round_attempts, next_attempt_at, created_at,
                                         last_error, failed_at)
            SELECT new.id, new.endpoint_id, $3, $4, $5, CASE WHEN e.enabled THEN 'pending' ELSE 'failed' END, 0, 0, now(), $6,
                   CASE WHEN NOT e.enabled THEN 'not sent: the endpoint was disabled (' || e.disabled_reason || '); recover sends it' END,
                   CASE WHEN NOT e.enabled THEN now() END
            FROM unnest($1, $2) AS new (id, endpoint_id)
            JOIN webhook_endpoints e ON e.id = new.endpoint_id AND (e.enabled OR e.disabled_reason IN ('gone', 'failing'))
            ON CONFLICT (endpoint_id, event_id) WHERE event_id IS NOT NULL DO NOTHING
            """);
        insert.Parameters.Add(new NpgsqlParameter { Value = ids, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Uuid });
        insert.Parameters.Add(new NpgsqlParameter { Value = endpoints.ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Uuid });
        insert.Parameters.AddWithValue(eventId);
        insert.Parameters.AddWithValue(eventType);
        insert.Parameters.AddWithValue(body);
        insert.Parameters.AddWithValue(now);
        return await insert.ExecuteNonQueryAsync(cancellationToken);
    }
}
