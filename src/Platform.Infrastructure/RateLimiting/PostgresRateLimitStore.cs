using Npgsql;

namespace Platform.Infrastructure.RateLimiting;

/// <summary>
/// One upsert per hit: windows are aligned to the epoch, so every instance agrees on them, and the counter row is
/// reset when a new window starts. PostgreSQL holds the count so the limit holds across instances.
/// </summary>
internal sealed class PostgresRateLimitStore(NpgsqlDataSource dataSource, TimeProvider timeProvider) : IRateLimitStore
{
    public async Task<RateLimitCount> HitAsync(string key, TimeSpan window, CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNow();
        var windowTicks = window.Ticks;
        var start = new DateTimeOffset(now.UtcTicks - (now.UtcTicks % windowTicks), TimeSpan.Zero);
        var end = start + window;
        await using var command = dataSource.CreateCommand(
            """
            INSERT INTO rate_limit_counters AS c (key, window_start, hits, expires_at) VALUES ($1, $2, 1, $3)
            ON CONFLICT (key) DO UPDATE SET
                hits = CASE WHEN c.window_start = excluded.window_start THEN c.hits + 1 ELSE 1 END,
                window_start = excluded.window_start,
                expires_at = excluded.expires_at
            RETURNING hits
            """);
        command.Parameters.AddWithValue(key);
        command.Parameters.AddWithValue(start);
        command.Parameters.AddWithValue(end);
        var hits = (int)(await command.ExecuteScalarAsync(cancellationToken))!;
        return new RateLimitCount(hits, end);
    }
}
