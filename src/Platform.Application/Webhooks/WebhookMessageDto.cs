using Platform.Application.Common.Messaging;
using Platform.Domain.Webhooks;

namespace Platform.Application.Webhooks;

/// <summary>
/// A message in an endpoint's delivery log. <see cref="Id"/> is its <c>webhook-id</c>; <see cref="NextAttemptAt"/> is
/// set only while it is pending. Mapped in <see cref="WebhookMapping"/>.
/// </summary>
public sealed record WebhookMessageDto(
    Guid Id,
    Guid EndpointId,
    Guid? EventId,
    string EventType,
    WebhookMessageStatus Status,
    int Attempts,
    DateTimeOffset? NextAttemptAt,
    DateTimeOffset? LastAttemptAt,
    int? LastStatusCode,
    string? LastError,
    DateTimeOffset CreatedAt,
    DateTimeOffset? DeliveredAt,
    DateTimeOffset? FailedAt) : IHasId;
