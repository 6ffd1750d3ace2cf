namespace Platform.Infrastructure.Webhooks.Delivery;

/// <summary>A claimed message with what it takes to send it: where, and the sealed secrets that sign it.</summary>
internal sealed record WebhookDelivery(
    Guid Id,
    Guid EndpointId,
    string EventType,
    string Body,
    int RoundAttempts,
    DateTimeOffset CreatedAt,
    string Url,
    string SecretCiphertext,
    string? PreviousSecretCiphertext,
    DateTimeOffset? PreviousSecretExpiresAt);
