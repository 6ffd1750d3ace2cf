using Platform.Application.Common.Messaging;
using Platform.Application.Common.Security;
using Platform.Domain.Identity;

namespace Platform.Application.Webhooks.Commands.UpdateWebhookEndpoint;

/// <summary>Merge patch of an endpoint: absent fields are left alone; <c>enabled: true</c> also clears why it was disabled.</summary>
[RequiresRole(Role.Admin)]
public sealed record UpdateWebhookEndpointCommand(
    Guid EndpointId,
    Optional<string?> Url,
    Optional<string?> Description,
    Optional<IReadOnlyList<string>?> EventTypes,
    Optional<bool?> Enabled,
    IReadOnlyList<int>? AcceptedVersions = null,
    string? IdempotencyKey = null) : ICommand<WebhookEndpointDto>, IIdempotentCommand, IAuditedCommand
{
    public string AuditAction => "webhooks.endpoints.update";

    public string AuditResourceType => "webhook_endpoint";

    public Guid? AuditResourceId => EndpointId;
}
