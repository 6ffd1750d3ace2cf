namespace Platform.Infrastructure.Webhooks.Delivery;

/// <summary>What one attempt gave.</summary>
internal sealed record WebhookAttemptResult(
    Domain.Webhooks.WebhookAttemptOutcome Outcome,
    int? StatusCode,
    TimeSpan Latency,
    string? ResponseBody,
    string? Error,
    TimeSpan? RetryAfter);
