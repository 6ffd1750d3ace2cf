using System.Diagnostics.Metrics;
using Platform.Application.Common.Behaviours;

namespace Platform.Infrastructure.Email;

/// <summary>
/// The email workers' instruments, on the application's meter: messages sent, failed, retried and suppressed (by
/// provider and template), send latency, and the queue (read from the database every few seconds, the same on every
/// instance).
/// </summary>
public sealed class EmailMetrics
{
    private readonly Counter<long> sent;
    private readonly Counter<long> failed;
    private readonly Counter<long> retried;
    private readonly Counter<long> suppressed;
    private readonly Histogram<double> duration;
    private (long Pending, double OldestAge) queue;

    public EmailMetrics(IMeterFactory meterFactory)
    {
        ArgumentNullException.ThrowIfNull(meterFactory);
        var meter = meterFactory.Create(ApplicationMetrics.MeterName);
        sent = meter.CreateCounter<long>("platform.email.sent", unit: "{message}", description: "Email messages the provider accepted, by provider and template.");
        failed = meter.CreateCounter<long>("platform.email.failed", unit: "{message}", description: "Email messages failed for good (refused by the provider, or out of attempts), by provider and template.");
        retried = meter.CreateCounter<long>("platform.email.retried", unit: "{attempt}", description: "Email send attempts that failed transiently and will be retried, by provider.");
        suppressed = meter.CreateCounter<long>("platform.email.suppressed", unit: "{message}", description: "Email messages not sent because the recipient is on the suppression list, by template.");
        duration = meter.CreateHistogram<double>("platform.email.send.duration", unit: "s", description: "Time one send took, connecting included, by provider.");
        meter.CreateObservableGauge("platform.email.pending", () => queue.Pending, unit: "{message}", description: "Email messages waiting to be sent.");
        meter.CreateObservableGauge("platform.email.oldest_pending_age", () => queue.OldestAge, unit: "s", description: "Age of the oldest email message still waiting.");
    }

    public void Sent(string provider, string template, TimeSpan elapsed)
    {
        sent.Add(1, new("provider", provider), new("template", template));
        duration.Record(elapsed.TotalSeconds, new KeyValuePair<string, object?>("provider", provider));
    }

    public void Failed(string provider, string template) => failed.Add(1, new("provider", provider), new("template", template));

    public void Retried(string provider, TimeSpan elapsed)
    {
        retried.Add(1, new KeyValuePair<string, object?>("provider", provider));
        duration.Record(elapsed.TotalSeconds, new KeyValuePair<string, object?>("provider", provider));
    }

    public void Suppressed(string template) => suppressed.Add(1, new KeyValuePair<string, object?>("template", template));

    public void Update(long pending, double oldestAge) => queue = (pending, oldestAge);
}
