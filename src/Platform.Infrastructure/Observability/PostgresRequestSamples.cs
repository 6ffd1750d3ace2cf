using Npgsql;
using Platform.Application.Common.Observability;

namespace Platform.Infrastructure.Observability;

/// <summary>Reads <c>request_samples</c>: each route's newest requests, across instances, and their 90th percentile.</summary>
internal sealed class PostgresRequestSamples(NpgsqlDataSource dataSource) : IRequestSamples
{
    public async Task<IReadOnlyList<RouteLatency>> P90Async(int sampleSize, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            """
            SELECT route, count(*)::int, percentile_cont(0.9) WITHIN GROUP (ORDER BY duration_ms)
            FROM (
                SELECT route, duration_ms, row_number() OVER (PARTITION BY route ORDER BY recorded_at DESC, id DESC) AS n
                FROM request_samples
            ) recent
            WHERE n <= $1
            GROUP BY route
            """);
        command.Parameters.AddWithValue(sampleSize);
        var routes = new List<RouteLatency>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            routes.Add(new RouteLatency(reader.GetString(0), reader.GetInt32(1), reader.GetDouble(2)));
        }

        return routes;
    }
}
