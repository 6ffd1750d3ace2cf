namespace Platform.Application.Webhooks;

/// <summary>The answer to <c>recover</c>: the endpoint, enabled again, and how many failed messages are being sent again.</summary>
public sealed record WebhookRecoveryDto(WebhookEndpointDto Endpoint, int RecoveredMessages);
