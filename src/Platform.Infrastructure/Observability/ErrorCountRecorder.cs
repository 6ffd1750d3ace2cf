using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using Npgsql;
using Platform.Application.Common.Behaviours;

namespace Platform.Infrastructure.Observability;

/// <summary>
/// Counts problem responses by error code, route template and status: at once on the <c>platform.http.errors</c>
/// counter (this instance, for Prometheus), and per minute in memory, which <see cref="FlushAsync"/> adds to
/// <c>error_counts</c> so the admin error view sums every instance. A flush that fails puts its counts back for the
/// next one. Rows older than a day are deleted as it goes.
/// </summary>
public sealed class ErrorCountRecorder
{
    /// <summary>How often counts are sent: well inside the 10 s within which an error must show in the admin view.</summary>
    public static readonly TimeSpan FlushInterval = TimeSpan.FromSeconds(3);

    /// <summary>Most distinct (minute, code, route, status) keys held between flushes; more are only counted on the meter.</summary>
    private const int MaxKeys = 10_000;

    private static readonly TimeSpan Retention = TimeSpan.FromHours(25);

    private readonly NpgsqlDataSource dataSource;
    private readonly TimeProvider timeProvider;
    private readonly Counter<long> errors;
    private ConcurrentDictionary<(DateTimeOffset Bucket, string Code, string Route, int Status), long> pending = new();
    private DateTimeOffset lastPrune = DateTimeOffset.MinValue;

    public ErrorCountRecorder(NpgsqlDataSource dataSource, TimeProvider timeProvider, IMeterFactory meterFactory)
    {
        ArgumentNullException.ThrowIfNull(meterFactory);
        this.dataSource = dataSource;
        this.timeProvider = timeProvider;
        errors = meterFactory.Create(ApplicationMetrics.MeterName).CreateCounter<long>(
            "platform.http.errors", unit: "{response}", description: "Problem responses, by route template, status and error code.");
    }

    public void Record(string code, string route, int status)
    {
        errors.Add(
            1,
            new KeyValuePair<string, object?>("http_route", route),
            new KeyValuePair<string, object?>("http_response_status_code", status),
            new KeyValuePair<string, object?>("error_code", code));
        var now = timeProvider.GetUtcNow();
        var key = (new DateTimeOffset(now.Year, now.Month, now.Day, now.Hour, now.Minute, 0, TimeSpan.Zero), code, route, status);
        var current = pending;
        if (current.Count < MaxKeys || current.ContainsKey(key))
        {
            current.AddOrUpdate(key, 1, static (_, n) => n + 1);
        }
    }

    /// <summary>Adds the counts gathered since the last flush to <c>error_counts</c>, in one statement; returns how many keys it sent.</summary>
    public async Task<int> FlushAsync(CancellationToken cancellationToken)
    {
        var taken = Interlocked.Exchange(ref pending, new ConcurrentDictionary<(DateTimeOffset, string, string, int), long>());
        if (!taken.IsEmpty)
        {
            try
            {
                await SendAsync([.. taken], cancellationToken);
            }
            catch
            {
                foreach (var (key, count) in taken)
                {
                    pending.AddOrUpdate(key, count, (_, n) => n + count);
                }

                throw;
            }
        }

        var now = timeProvider.GetUtcNow();
        if (now - lastPrune > TimeSpan.FromMinutes(1))
        {
            lastPrune = now;
            await using var prune = dataSource.CreateCommand("DELETE FROM error_counts WHERE bucket < $1");
            prune.Parameters.AddWithValue(now - Retention);
            await prune.ExecuteNonQueryAsync(cancellationToken);
        }

        return taken.Count;
    }

    private async Task SendAsync(IReadOnlyList<KeyValuePair<(DateTimeOffset Bucket, string Code, string Route, int Status), long>> counts, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            """
            INSERT INTO error_counts (bucket, code, route, status, count)
            SELECT * FROM unnest($1::timestamptz[], $2::text[], $3::text[], $4::integer[], $5::bigint[])
            ON CONFLICT (bucket, code, route, status) DO UPDATE SET count = error_counts.count + EXCLUDED.count
            """);
        command.Parameters.AddWithValue(counts.Select(c => c.Key.Bucket).ToArray());
        command.Parameters.AddWithValue(counts.Select(c => c.Key.Code).ToArray());
        command.Parameters.AddWithValue(counts.Select(c => c.Key.Route).ToArray());
        command.Parameters.AddWithValue(counts.Select(c => c.Key.Status).ToArray());
        command.Parameters.AddWithValue(counts.Select(c => c.Value).ToArray());
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
