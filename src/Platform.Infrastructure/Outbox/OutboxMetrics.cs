using System.Diagnostics.Metrics;
using Platform.Application.Common.Behaviours;

namespace Platform.Infrastructure.Outbox;

/// <summary>
/// The outbox's instruments, on the application's meter: dispatch outcomes and handler durations per event type,
/// and the depth, parked count and oldest pending age (read from the database every few seconds by the
/// dispatcher; the same figures on every instance, since they describe the one shared table).
/// </summary>
public sealed class OutboxMetrics
{
    private readonly Counter<long> dispatched;
    private readonly Histogram<double> handlerDuration;
    private OutboxStats stats = new(0, 0, 0);

    public OutboxMetrics(IMeterFactory meterFactory)
    {
        ArgumentNullException.ThrowIfNull(meterFactory);
        var meter = meterFactory.Create(ApplicationMetrics.MeterName);
        dispatched = meter.CreateCounter<long>(
            "platform.outbox.dispatched", unit: "{message}", description: "Outbox messages handled, by event type and outcome (processed, retried, failed, no_handler).");
        handlerDuration = meter.CreateHistogram<double>(
            "platform.outbox.handler.duration", unit: "s", description: "Time the handlers of one outbox message took, by event type.");
        meter.CreateObservableGauge("platform.outbox.pending", () => stats.Pending, unit: "{message}", description: "Outbox messages waiting to be dispatched.");
        meter.CreateObservableGauge("platform.outbox.parked", () => stats.Failed, unit: "{message}", description: "Outbox messages parked as failed after their last attempt.");
        meter.CreateObservableGauge(
            "platform.outbox.oldest_pending_age", () => stats.OldestPendingAgeSeconds, unit: "s", description: "Age of the oldest outbox message still waiting.");
    }

    public OutboxStats Stats => stats;

    public void Update(OutboxStats current) => stats = current;

    public void Dispatched(string type, string outcome, TimeSpan elapsed)
    {
        var typeTag = new KeyValuePair<string, object?>("type", type);
        dispatched.Add(1, typeTag, new KeyValuePair<string, object?>("outcome", outcome));
        handlerDuration.Record(elapsed.TotalSeconds, typeTag);
    }
}
