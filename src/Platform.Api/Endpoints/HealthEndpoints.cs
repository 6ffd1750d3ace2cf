using System.Diagnostics;
using System.Reflection;
using Npgsql;
using Platform.Infrastructure.Persistence;
using Quartz;

namespace Platform.Api.Endpoints;

/// <summary>Liveness, readiness and an operator's detailed health view (<c>/metrics</c> is mapped by Observability/Telemetry).</summary>
internal static class HealthEndpoints
{
    private static readonly string Version =
        typeof(HealthEndpoints).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "unknown";

    public static void MapHealthEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/health", Health).WithName(nameof(Health)).WithTags("Health").AllowAnonymous();
        app.MapGet("/ready", Ready).WithName(nameof(Ready)).WithTags("Health").AllowAnonymous()
            .Produces(StatusCodes.Status200OK).Produces(StatusCodes.Status503ServiceUnavailable);
        app.MapGet("/health/full", FullHealth).WithName(nameof(FullHealth)).WithTags("Health").AllowAnonymous()
            .WithMetadata(Observability.OperatorEndpointMetadata.Instance)
            .Produces(StatusCodes.Status200OK).Produces(StatusCodes.Status503ServiceUnavailable);
    }

    public static IResult Health() => TypedResults.Ok(new { status = "ok" });

    public static async Task<IResult> Ready(DatabaseMigrator migrator, DatabaseCircuitBreaker breaker, CancellationToken cancellationToken)
    {
        var database = await CheckDatabaseAsync(migrator, breaker, cancellationToken);
        var ready = database.Status == "ok";
        var body = new { status = ready ? "ok" : "unavailable", checks = new { database = database.Status, migrations = database.Migrations } };
        return TypedResults.Json(body, statusCode: ready ? 200 : 503);
    }

    public static async Task<IResult> FullHealth(
        DatabaseMigrator migrator,
        DatabaseCircuitBreaker breaker,
        NpgsqlDataSource dataSource,
        IServiceProvider services,
        CancellationToken cancellationToken)
    {
        var database = await CheckDatabaseAsync(migrator, breaker, cancellationToken);
        var scheduler = await DescribeSchedulerAsync(services, dataSource, cancellationToken);
        var ready = database.Status == "ok";
        var body = new
        {
            status = ready ? "ok" : "unavailable",
            version = Version,
            checks = new
            {
                database = new
                {
                    status = database.Status,
                    latency_ms = database.LatencyMs,
                    migrations = database.Migrations,
                    applied_migration = database.Latest,
                    circuit = breaker.IsOpen ? "open" : "closed",
                    circuit_open_since = breaker.OpenSince,
                },
                scheduler,
                notifications = Listener(services),
            },
        };
        return TypedResults.Json(body, statusCode: ready ? 200 : 503);
    }

    /// <summary>Whether this instance hears revocations and status changes from the others (LISTEN/NOTIFY).</summary>
    private static object Listener(IServiceProvider services)
    {
        var cache = services.GetRequiredService<Platform.Infrastructure.Sessions.SessionRevocationCache>();
        return cache.ListeningSince is { } since
            ? new { status = "listening", since, known_revoked_sessions = cache.Count }
            : new { status = "reconnecting", since = (DateTimeOffset?)null, known_revoked_sessions = cache.Count };
    }

    private static async Task<DatabaseCheck> CheckDatabaseAsync(DatabaseMigrator migrator, DatabaseCircuitBreaker breaker, CancellationToken cancellationToken)
    {
        if (breaker.IsOpen)
        {
            // Known to be down, and the breaker's probe is already trying it every second: answer at once.
            return new DatabaseCheck("unreachable", null, "unknown", null);
        }

        var started = Stopwatch.GetTimestamp();
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(TimeSpan.FromSeconds(3));
            var applied = await migrator.GetAppliedAsync(timeout.Token);
            var latency = Math.Round(Stopwatch.GetElapsedTime(started).TotalMilliseconds, 1);
            var pending = DatabaseMigrator.Embedded.Count(m => !applied.ContainsKey(m.Version));
            var latest = applied.Keys.Order(StringComparer.Ordinal).LastOrDefault();
            return pending == 0
                ? new DatabaseCheck("ok", latency, "applied", latest)
                : new DatabaseCheck("migrations_pending", latency, $"{pending} pending", latest);
        }
        catch (Exception ex) when (ex is NpgsqlException or OperationCanceledException or TimeoutException or System.Net.Sockets.SocketException)
        {
            breaker.ReportFailure(ex);
            return new DatabaseCheck("unreachable", null, "unknown", null);
        }
    }

    private static async Task<object> DescribeSchedulerAsync(IServiceProvider services, NpgsqlDataSource dataSource, CancellationToken cancellationToken)
    {
        var factory = services.GetService<ISchedulerFactory>();
        if (factory is null)
        {
            return new { status = "disabled" };
        }

        try
        {
            var scheduler = await factory.GetScheduler(cancellationToken);
            var members = new List<object>();
            await using (var command = dataSource.CreateCommand(
                "SELECT instance_name, last_checkin_time, checkin_interval FROM qrtz_scheduler_state WHERE sched_name = $1 ORDER BY instance_name"))
            {
                command.Parameters.AddWithValue(scheduler.SchedulerName);
                await using var reader = await command.ExecuteReaderAsync(cancellationToken);
                while (await reader.ReadAsync(cancellationToken))
                {
                    members.Add(new
                    {
                        instance = reader.GetString(0),
                        last_checkin = DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(1) / TimeSpan.TicksPerMillisecond - 62135596800000L),
                        checkin_interval_ms = reader.GetInt64(2),
                    });
                }
            }

            var state = scheduler.Status.ToString().ToLowerInvariant();
            return new { status = state, name = scheduler.SchedulerName, instance = scheduler.SchedulerInstanceId, cluster_members = members };
        }
        catch (Exception ex) when (ex is NpgsqlException or SchedulerException)
        {
            return new { status = "unavailable" };
        }
    }

    private sealed record DatabaseCheck(string Status, double? LatencyMs, string Migrations, string? Latest);
}
