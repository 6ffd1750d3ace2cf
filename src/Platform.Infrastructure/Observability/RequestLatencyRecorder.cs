using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;
using Platform.Application.Common.Behaviours;
using Platform.Application.Common.Observability;

namespace Platform.Infrastructure.Observability;

/// <summary>
/// Every request's duration by route template: buffered for <c>request_samples</c> (which the threshold
/// recommendation reads across instances), and, for the routes of <c>Slo:Routes</c>, counted against their objective
/// over this instance's last <c>Slo:WindowRequests</c> requests. <c>platform.slo.breach_ratio{http_route}</c> is the
/// share of those over the threshold; when it passes the budget (1 - target) a Warning <c>slo_breach_alert</c> is
/// logged once, and an Information <c>slo_breach_resolved</c> when it is back under.
/// </summary>
public sealed partial class RequestLatencyRecorder
{
    private readonly NpgsqlDataSource dataSource;
    private readonly TimeProvider timeProvider;
    private readonly ILogger<RequestLatencyRecorder> logger;
    private readonly SloOptions options;
    private readonly Dictionary<string, Objective> objectives;
    private readonly ConcurrentDictionary<string, RouteSamples> samples = new(StringComparer.Ordinal);
    private DateTimeOffset lastPrune = DateTimeOffset.MinValue;

    public RequestLatencyRecorder(
        NpgsqlDataSource dataSource, TimeProvider timeProvider, IMeterFactory meterFactory, IOptions<SloOptions> options, ILogger<RequestLatencyRecorder> logger)
    {
        ArgumentNullException.ThrowIfNull(meterFactory);
        ArgumentNullException.ThrowIfNull(options);
        this.dataSource = dataSource;
        this.timeProvider = timeProvider;
        this.logger = logger;
        this.options = options.Value;
        objectives = this.options.Routes.ToDictionary(r => r.Route, r => new Objective(r, this.options.WindowRequests), StringComparer.Ordinal);
        meterFactory.Create(ApplicationMetrics.MeterName).CreateObservableGauge(
            "platform.slo.breach_ratio",
            () => objectives.Values.Select(o => new Measurement<double>(o.Ratio, new KeyValuePair<string, object?>("http_route", o.Route))),
            unit: "1",
            description: "Share of a route's last Slo:WindowRequests requests on this instance that took longer than its Slo:Routes threshold.");
        meterFactory.Create(ApplicationMetrics.MeterName).CreateObservableGauge(
            "platform.slo.budget",
            () => objectives.Values.Select(o => new Measurement<double>(1 - o.Target, new KeyValuePair<string, object?>("http_route", o.Route))),
            unit: "1",
            description: "The share of a route's requests its objective allows over the threshold (1 - Slo:Routes target), for the PlatformSloBreach alert.");
    }

    public void Record(string route, TimeSpan elapsed)
    {
        var ms = elapsed.TotalMilliseconds;
        samples.GetOrAdd(route, static (_, size) => new RouteSamples(size), options.RecommendSampleSize).Add(timeProvider.GetUtcNow().UtcTicks, (float)ms);

        if (objectives.TryGetValue(route, out var objective))
        {
            switch (objective.Add(ms > objective.ThresholdMs, options.MinimumRequests))
            {
                case Change.Breached:
                    LogBreach(route, objective.Ratio, 1 - objective.Target, objective.ThresholdMs);
                    break;
                case Change.Resolved:
                    LogResolved(route, objective.Ratio, 1 - objective.Target);
                    break;
            }
        }
    }

    /// <summary>
    /// Sends, in one statement, each route's samples since the last flush: only its newest
    /// <c>Slo:RecommendSampleSize</c>, because the prune below keeps no more than those per route across instances
    /// (an older one of this instance could never be among them). About once a minute it drops all but each route's
    /// newest.
    /// </summary>
    public async Task FlushAsync(CancellationToken cancellationToken)
    {
        var routes = new List<string>();
        var at = new List<DateTimeOffset>();
        var durations = new List<float>();
        foreach (var (route, pending) in samples)
        {
            pending.TakeNew(route, routes, at, durations);
        }

        if (routes.Count > 0)
        {
            await using var insert = dataSource.CreateCommand(
                "INSERT INTO request_samples (route, recorded_at, duration_ms) SELECT * FROM unnest($1::text[], $2::timestamptz[], $3::real[])");
            insert.Parameters.AddWithValue(routes);
            insert.Parameters.AddWithValue(at);
            insert.Parameters.AddWithValue(durations);
            await insert.ExecuteNonQueryAsync(cancellationToken);
        }

        var now = timeProvider.GetUtcNow();
        if (now - lastPrune > TimeSpan.FromMinutes(1))
        {
            lastPrune = now;
            await using var prune = dataSource.CreateCommand(
                """
                DELETE FROM request_samples WHERE id IN (
                    SELECT id FROM (
                        SELECT id, row_number() OVER (PARTITION BY route ORDER BY recorded_at DESC, id DESC) AS n FROM request_samples
                    ) ranked WHERE n > $1)
                """);
            prune.Parameters.AddWithValue(options.RecommendSampleSize);
            await prune.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    [LoggerMessage(EventId = 9001, EventName = "slo_breach_alert", Level = LogLevel.Warning,
        Message = "slo_breach_alert: {Route} breaches its SLO: {Ratio:P1} of its recent requests took over {ThresholdMs} ms, above the budget of {Budget:P1}")]
    private partial void LogBreach(string route, double ratio, double budget, double thresholdMs);

    [LoggerMessage(EventId = 9002, EventName = "slo_breach_resolved", Level = LogLevel.Information,
        Message = "slo_breach_resolved: {Route} is back within its SLO: {Ratio:P1} of its recent requests over the threshold, budget {Budget:P1}")]
    private partial void LogResolved(string route, double ratio, double budget);

    private enum Change
    {
        None,
        Breached,
        Resolved,
    }

    /// <summary>A route's newest samples not yet sent: a ring of at most <c>Slo:RecommendSampleSize</c>.</summary>
    private sealed class RouteSamples(int size)
    {
        private readonly long[] ticks = new long[size];
        private readonly float[] durations = new float[size];
        private int next;
        private int pending;

        public void Add(long utcTicks, float ms)
        {
            lock (ticks)
            {
                ticks[next] = utcTicks;
                durations[next] = ms;
                next = (next + 1) % ticks.Length;
                pending = Math.Min(pending + 1, ticks.Length);
            }
        }

        /// <summary>Moves the pending samples, oldest first, onto the flush's columns.</summary>
        public void TakeNew(string route, List<string> routes, List<DateTimeOffset> at, List<float> ms)
        {
            lock (ticks)
            {
                for (var i = pending; i > 0; i--)
                {
                    var slot = (next - i + ticks.Length) % ticks.Length;
                    routes.Add(route);
                    at.Add(new DateTimeOffset(ticks[slot], TimeSpan.Zero));
                    ms.Add(durations[slot]);
                }

                pending = 0;
            }
        }
    }

    /// <summary>A route's objective and a ring of its last requests (over the threshold or not).</summary>
    private sealed class Objective(SloRouteOptions route, int window)
    {
        private readonly bool[] ring = new bool[window];
        private int next;
        private int count;
        private int breaches;
        private bool breached;

        public string Route { get; } = route.Route;

        public double ThresholdMs { get; } = route.ThresholdMs;

        public double Target { get; } = route.Target;

        public double Ratio
        {
            get
            {
                lock (ring)
                {
                    return count == 0 ? 0 : (double)breaches / count;
                }
            }
        }

        public Change Add(bool over, int minimum)
        {
            lock (ring)
            {
                if (count == ring.Length && ring[next])
                {
                    breaches--;
                }

                ring[next] = over;
                breaches += over ? 1 : 0;
                next = (next + 1) % ring.Length;
                count = Math.Min(count + 1, ring.Length);
                var overBudget = count >= minimum && (double)breaches / count > 1 - Target;
                if (overBudget == breached)
                {
                    return Change.None;
                }

                breached = overBudget;
                return overBudget ? Change.Breached : Change.Resolved;
            }
        }
    }
}
