using Npgsql;
using NpgsqlTypes;
using Platform.Infrastructure.Persistence;

namespace Platform.Infrastructure.RateLimiting;

/// <summary>
/// One upsert per hit, or one for many keys' batches. Windows are aligned to the epoch on the database's clock, so
/// instances whose clocks differ still agree on them; a counter only ever moves forward to a later window (an instance
/// cannot reset it).
/// </summary>
internal sealed class PostgresRateLimitStore(DatabaseCircuitBreaker breaker) : IRateLimitStore
{
    public async Task<RateLimitCount> AddAsync(string key, TimeSpan window, int hits, CancellationToken cancellationToken)
    {
        // Through the circuit breaker: this runs before almost every request, so it is what first notices an outage,
        // and while the database is known to be down it fails at once instead of waiting to connect.
        await using var connection = await breaker.OpenConnectionAsync(cancellationToken);
        await using var command = new NpgsqlCommand(
            """
            WITH w AS (
                SELECT to_timestamp(floor(extract(epoch FROM now()) / $2) * $2) AS start, now() AS at
            )
            INSERT INTO rate_limit_counters AS c (key, window_start, hits, expires_at)
            SELECT $1, w.start, $3, w.start + make_interval(secs => $2) FROM w
            ON CONFLICT (key) DO UPDATE SET
                hits = CASE
                    WHEN excluded.window_start > c.window_start THEN $3
                    WHEN excluded.window_start = c.window_start THEN c.hits + $3
                    ELSE c.hits END,
                window_start = GREATEST(c.window_start, excluded.window_start),
                expires_at = GREATEST(c.expires_at, excluded.expires_at)
            RETURNING hits, expires_at, (SELECT at FROM w)
            """,
            connection);
        command.Parameters.AddWithValue(key);
        command.Parameters.AddWithValue(window.TotalSeconds);
        command.Parameters.AddWithValue(hits);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        return new RateLimitCount(
            reader.GetInt32(0),
            reader.GetFieldValue<DateTimeOffset>(1),
            reader.GetFieldValue<DateTimeOffset>(2));
    }

    public async Task<IReadOnlyList<RateLimitCount>> AddManyAsync(IReadOnlyList<RateLimitBatch> batches, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(batches);
        if (batches.Count == 0)
        {
            return [];
        }

        var keys = new string[batches.Count];
        var windows = new double[batches.Count];
        var hits = new int[batches.Count];
        for (var i = 0; i < batches.Count; i++)
        {
            (keys[i], windows[i], hits[i]) = (batches[i].Key, batches[i].Window.TotalSeconds, batches[i].Hits);
        }

        // The same upsert as AddAsync for every row. Rows are inserted in key order (ordinal, as the caller sorts
        // them), so two instances flushing overlapping keys lock them in the same order and cannot deadlock.
        await using var connection = await breaker.OpenConnectionAsync(cancellationToken);
        await using var command = new NpgsqlCommand(
            """
            WITH w AS (SELECT now() AS at),
            b AS (
                SELECT k.key, k.secs, k.hits, k.ord, to_timestamp(floor(extract(epoch FROM w.at) / k.secs) * k.secs) AS start
                FROM unnest($1::text[], $2::float8[], $3::int[]) WITH ORDINALITY AS k(key, secs, hits, ord), w
            )
            INSERT INTO rate_limit_counters AS c (key, window_start, hits, expires_at)
            SELECT b.key, b.start, b.hits, b.start + make_interval(secs => b.secs) FROM b ORDER BY b.ord
            ON CONFLICT (key) DO UPDATE SET
                hits = CASE
                    WHEN excluded.window_start > c.window_start THEN excluded.hits
                    WHEN excluded.window_start = c.window_start THEN c.hits + excluded.hits
                    ELSE c.hits END,
                window_start = GREATEST(c.window_start, excluded.window_start),
                expires_at = GREATEST(c.expires_at, excluded.expires_at)
            RETURNING key, hits, expires_at, (SELECT at FROM w)
            """,
            connection);
        command.Parameters.Add(new NpgsqlParameter { Value = keys, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text });
        command.Parameters.Add(new NpgsqlParameter { Value = windows, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Double });
        command.Parameters.Add(new NpgsqlParameter { Value = hits, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Integer });

        var byKey = new Dictionary<string, RateLimitCount>(batches.Count, StringComparer.Ordinal);
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                byKey[reader.GetString(0)] = new RateLimitCount(
                    reader.GetInt32(1),
                    reader.GetFieldValue<DateTimeOffset>(2),
                    reader.GetFieldValue<DateTimeOffset>(3));
            }
        }

        var counts = new RateLimitCount[batches.Count];
        for (var i = 0; i < batches.Count; i++)
        {
            counts[i] = byKey[batches[i].Key];
        }

        return counts;
    }
}
