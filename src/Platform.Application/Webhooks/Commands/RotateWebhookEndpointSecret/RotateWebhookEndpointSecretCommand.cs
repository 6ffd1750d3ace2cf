using Platform.Application.Common.Messaging;
using Platform.Application.Common.Security;
using Platform.Domain.Identity;

namespace Platform.Application.Webhooks.Commands.RotateWebhookEndpointSecret;

/// <summary>
/// Gives an endpoint a new signing secret, shown once in the answer. The secret it replaces keeps signing beside the
/// new one for <c>Webhooks:RotationGracePeriod</c>, so the receiver can switch without refusing a message.
/// </summary>
[RequiresRole(Role.Admin)]
public sealed record RotateWebhookEndpointSecretCommand(Guid EndpointId, string? IdempotencyKey = null)
    : ICommand<WebhookEndpointWithSecretDto>, IIdempotentCommand, IAuditedCommand
{
    public string AuditAction => "webhooks.endpoints.rotate_secret";

    public string AuditResourceType => "webhook_endpoint";

    public Guid? AuditResourceId => EndpointId;
}
