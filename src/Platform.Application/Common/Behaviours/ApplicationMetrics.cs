using System.Diagnostics.Metrics;

namespace Platform.Application.Common.Behaviours;

/// <summary>The application's own instruments, on the meter <c>Platform</c>.</summary>
public sealed class ApplicationMetrics
{
    public const string MeterName = "Platform";

    private readonly Histogram<double> requestDuration;
    private readonly Counter<long> idempotencyReplays;
    private readonly Counter<long> idempotencyConflicts;
    private readonly Counter<long> emailBounced;
    private readonly Counter<long> emailComplained;
    private readonly Counter<long> inboundReceived;
    private readonly Counter<long> cspViolations;

    public ApplicationMetrics(IMeterFactory meterFactory)
    {
        ArgumentNullException.ThrowIfNull(meterFactory);
        var meter = meterFactory.Create(MeterName);
        requestDuration = meter.CreateHistogram<double>(
            "platform.requests.duration", unit: "s", description: "Duration of commands and queries through the pipeline.");
        idempotencyReplays = meter.CreateCounter<long>(
            "platform.idempotency.replays", unit: "{replay}", description: "Requests answered from a stored idempotent response.");
        idempotencyConflicts = meter.CreateCounter<long>(
            "platform.idempotency.conflicts", unit: "{conflict}", description: "Idempotency keys refused: reused with another request, or still in progress.");
        emailBounced = meter.CreateCounter<long>(
            "platform.email.bounced", unit: "{event}", description: "Bounces providers reported, by provider and kind (hard_bounce, soft_bounce).");
        emailComplained = meter.CreateCounter<long>(
            "platform.email.complained", unit: "{event}", description: "Spam complaints providers reported, by provider.");
        cspViolations = meter.CreateCounter<long>(
            "platform.csp.violations", unit: "{report}", description: "Content-Security-Policy violations browsers reported, by directive and disposition (enforce, report).");
        inboundReceived = meter.CreateCounter<long>(
            "platform.inbound.received", unit: "{request}", description: "Inbound webhook requests, by source and outcome (stored, duplicate, unverified, malformed).");
    }

    public void RecordRequest(string request, string outcome, TimeSpan elapsed) =>
        requestDuration.Record(elapsed.TotalSeconds, new KeyValuePair<string, object?>("request", request), new KeyValuePair<string, object?>("outcome", outcome));

    public void IdempotencyReplayed(string operation) =>
        idempotencyReplays.Add(1, new KeyValuePair<string, object?>("operation", operation));

    public void IdempotencyConflict(string operation, string reason) =>
        idempotencyConflicts.Add(1, new KeyValuePair<string, object?>("operation", operation), new KeyValuePair<string, object?>("reason", reason));

    public void EmailBounced(string provider, string kind) =>
        emailBounced.Add(1, new KeyValuePair<string, object?>("provider", provider), new KeyValuePair<string, object?>("kind", kind));

    public void EmailComplained(string provider) =>
        emailComplained.Add(1, new KeyValuePair<string, object?>("provider", provider));

    public void InboundReceived(string source, string outcome) =>
        inboundReceived.Add(1, new KeyValuePair<string, object?>("source", source), new KeyValuePair<string, object?>("outcome", outcome));

    public void CspViolation(string directive, string disposition) =>
        cspViolations.Add(1, new KeyValuePair<string, object?>("directive", directive), new KeyValuePair<string, object?>("disposition", disposition));
}
