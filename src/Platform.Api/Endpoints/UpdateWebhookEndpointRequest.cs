using Platform.Application.Common.Messaging;

namespace Platform.Api.Endpoints;

public sealed record UpdateWebhookEndpointRequest(
    Optional<string?> Url,
    Optional<string?> Description,
    Optional<IReadOnlyList<string>?> EventTypes,
    Optional<bool?> Enabled);
