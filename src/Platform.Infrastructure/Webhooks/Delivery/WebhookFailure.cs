namespace Platform.Infrastructure.Webhooks.Delivery;

/// <summary>How a failed attempt is recorded: due again after <see cref="RetryIn"/>, or failed for good when it is null.</summary>
internal sealed record WebhookFailure(TimeSpan? RetryIn);
