using Platform.Application.Common.Messaging;
using Platform.Domain.Webhooks;

namespace Platform.Application.Webhooks;

/// <summary>An endpoint as admins see it: never its secret, which is shown once by create and rotate-secret. Mapped in <see cref="WebhookMapping"/>.</summary>
public sealed record WebhookEndpointDto(
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
    int Version) : IHasId;
