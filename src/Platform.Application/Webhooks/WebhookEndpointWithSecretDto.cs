using Platform.Application.Common.Messaging;
using Platform.Domain.Webhooks;

namespace Platform.Application.Webhooks;

/// <summary>
/// The answer of create and rotate-secret: the endpoint and its new signing secret, the only time the secret is shown.
/// <see cref="Secret"/> is <see cref="SensitiveAttribute"/>, so a stored idempotent response holding it is encrypted
/// (ADR 0029) and a replay shows the same secret.
/// </summary>
public sealed record WebhookEndpointWithSecretDto(
    Guid Id,
    string Url,
    string Description,
    IReadOnlyList<string> EventTypes,
    bool Enabled,
    WebhookDisabledReason? DisabledReason,
    DateTimeOffset? DisabledAt,
    DateTimeOffset? FailingSince,
    DateTimeOffset? SecretRotatedAt,
    DateTimeOffset? PreviousSecretExpiresAt,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    int Version,
    [property: Sensitive] string Secret) : IHasId;
