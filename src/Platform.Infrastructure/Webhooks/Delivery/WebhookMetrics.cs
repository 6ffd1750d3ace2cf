using System.Diagnostics.Metrics;
using Platform.Application.Common.Behaviours;
using Platform.Domain.Webhooks;
using Platform.Infrastructure.Persistence;

namespace Platform.Infrastructure.Webhooks.Delivery;

/// <summary>
/// Webhook delivery's instruments, on the application's meter: attempts by outcome, attempt latency, the time from a
/// message's creation to its delivery, endpoints disabled by reason, and the queue (read from the database every few
/// seconds; the same figures on every instance, since they describe the one shared table).
/// </summary>
public sealed class WebhookMetrics
{
    private readonly Counter<long> attempts;
    private readonly Histogram<double> latency;
    private readonly Histogram<double> lag;
    private readonly Counter<long> disabled;
    private (long Pending, double OldestAge) queue;

    public WebhookMetrics(IMeterFactory meterFactory)
    {
        ArgumentNullException.ThrowIfNull(meterFactory);
        var meter = meterFactory.Create(ApplicationMetrics.MeterName);
        attempts = meter.CreateCounter<long>(
            "platform.webhooks.attempts", unit: "{attempt}", description: "Webhook delivery attempts, by outcome (succeeded, failed, gone, simulated, circuit_open).");
        latency = meter.CreateHistogram<double>(
            "platform.webhooks.attempt.duration", unit: "s", description: "Time from sending a webhook request to its answer (or its failure).");
        lag = meter.CreateHistogram<double>(
            "platform.webhooks.delivery.lag", unit: "s", description: "Time from a webhook message's creation to its delivery.");
        disabled = meter.CreateCounter<long>(
            "platform.webhooks.endpoints_disabled", unit: "{endpoint}", description: "Webhook endpoints disabled by delivery, by reason (gone, failing).");
        meter.CreateObservableGauge("platform.webhooks.pending", () => queue.Pending, unit: "{message}", description: "Webhook messages waiting to be delivered (paused ones of disabled endpoints included).");
        meter.CreateObservableGauge(
            "platform.webhooks.oldest_pending_age", () => queue.OldestAge, unit: "s", description: "Age of the oldest webhook message still waiting.");
    }

    public void Attempted(string outcome, TimeSpan elapsed)
    {
        attempts.Add(1, new KeyValuePair<string, object?>("outcome", outcome));
        latency.Record(elapsed.TotalSeconds);
    }

    public void Delivered(TimeSpan sinceCreated) => lag.Record(Math.Max(0, sinceCreated.TotalSeconds));

    public void EndpointDisabled(WebhookDisabledReason reason) =>
        disabled.Add(1, new KeyValuePair<string, object?>("reason", EnumText.ToSnakeCase(reason)));

    public void Update(long pending, double oldestAgeSeconds) => queue = (pending, oldestAgeSeconds);
}
