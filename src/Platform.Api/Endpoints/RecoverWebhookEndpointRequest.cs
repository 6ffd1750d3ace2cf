namespace Platform.Api.Endpoints;

/// <summary><c>since</c>: failed messages created at or after this time are sent again.</summary>
public sealed record RecoverWebhookEndpointRequest(DateTimeOffset? Since);
