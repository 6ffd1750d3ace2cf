using System.Diagnostics.Metrics;
using Platform.Application.Common.Behaviours;
using Platform.Infrastructure.Persistence;
using Platform.Infrastructure.Sessions;

namespace Platform.Infrastructure.Observability;

/// <summary>
/// What the alert rules watch besides requests and queues (meter <c>Platform</c>): whether the database circuit is
/// open (the instance is not ready), whether the LISTEN connection is up, rate-limit rejections by tier, and Quartz
/// job runs by outcome with their duration. Created at start-up so the gauges exist before anything happens.
/// </summary>
public sealed class OperationalMetrics
{
    private readonly Counter<long> rateLimitRejected;
    private readonly Counter<long> jobRuns;
    private readonly Histogram<double> jobDuration;

    public OperationalMetrics(IMeterFactory meterFactory, DatabaseCircuitBreaker breaker, SessionRevocationCache listener)
    {
        ArgumentNullException.ThrowIfNull(meterFactory);
        ArgumentNullException.ThrowIfNull(breaker);
        ArgumentNullException.ThrowIfNull(listener);
        var meter = meterFactory.Create(ApplicationMetrics.MeterName);
        meter.CreateObservableGauge(
            "platform.database.circuit_open", () => breaker.IsOpen ? 1 : 0, unit: "{state}",
            description: "1 while this instance knows the database is down (the circuit breaker is open, /ready answers 503), else 0.");
        meter.CreateObservableGauge(
            "platform.listener.connected", () => listener.ListeningSince is null ? 0 : 1, unit: "{state}",
            description: "1 while this instance hears the others' revocations and changes (LISTEN/NOTIFY), else 0.");
        rateLimitRejected = meter.CreateCounter<long>(
            "platform.rate_limit.rejected", unit: "{request}", description: "Requests refused with 429, by tier (auth, inbound, authenticated, anonymous).");
        jobRuns = meter.CreateCounter<long>(
            "platform.jobs.runs", unit: "{run}", description: "Quartz job runs on this instance, by job_name and outcome (succeeded, skipped, failed).");
        jobDuration = meter.CreateHistogram<double>(
            "platform.jobs.duration", unit: "s", description: "How long a Quartz job run took, by job_name.");
    }

    public void RateLimitRejected(string tier) =>
        rateLimitRejected.Add(1, new KeyValuePair<string, object?>("tier", tier));

    public void JobRan(string job, string outcome, TimeSpan elapsed)
    {
        // Not "job": Prometheus gives that label to the scrape target, and would rename this one.
        var name = new KeyValuePair<string, object?>("job_name", job);
        jobRuns.Add(1, name, new KeyValuePair<string, object?>("outcome", outcome));
        jobDuration.Record(elapsed.TotalSeconds, name);
    }
}
