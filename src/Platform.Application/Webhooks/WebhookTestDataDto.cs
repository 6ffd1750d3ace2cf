namespace Platform.Application.Webhooks;

/// <summary>The <c>data</c> of a <c>webhook.test</c> message.</summary>
public sealed record WebhookTestDataDto(Guid EndpointId, string Message);
