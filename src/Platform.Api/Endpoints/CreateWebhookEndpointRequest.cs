namespace Platform.Api.Endpoints;

public sealed record CreateWebhookEndpointRequest(string? Url, string? Description, IReadOnlyList<string>? EventTypes, bool? Enabled);
