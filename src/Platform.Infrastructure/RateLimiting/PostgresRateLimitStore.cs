using Npgsql;
using Platform.Infrastructure.Persistence;

namespace Platform.Infrastructure.RateLimiting;

/// <summary>
/// One upsert per hit. Windows are aligned to the epoch on the database's clock, so instances whose clocks differ
/// still agree on them; a counter only ever moves forward to a later window (an instance cannot reset it).
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
}
