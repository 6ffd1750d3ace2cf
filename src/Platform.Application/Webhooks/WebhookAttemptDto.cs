using Platform.Domain.Webhooks;

namespace Platform.Application.Webhooks;

/// <summary>One delivery attempt: when, how it ended, the status code and latency, the first 1 kB of the answer, and the error.</summary>
public sealed record WebhookAttemptDto(
    Guid Id,
    Guid MessageId,
    DateTimeOffset AttemptedAt,
    WebhookAttemptOutcome Outcome,
    int? StatusCode,
    int LatencyMs,
    string? ResponseBody,
    string? Error);
