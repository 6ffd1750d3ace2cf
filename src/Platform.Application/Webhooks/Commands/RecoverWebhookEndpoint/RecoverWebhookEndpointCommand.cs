using Platform.Application.Common.Messaging;
using Platform.Application.Common.Security;
using Platform.Domain.Identity;

namespace Platform.Application.Webhooks.Commands.RecoverWebhookEndpoint;

/// <summary>
/// Enables the endpoint (if it was disabled) and sends again every message to it that failed and was created at or
/// after <see cref="Since"/>, each in a fresh round of the retry schedule. Messages that were waiting while it was
/// disabled go out too: they were only paused.
/// </summary>
[RequiresRole(Role.Admin)]
public sealed record RecoverWebhookEndpointCommand(Guid EndpointId, DateTimeOffset? Since, string? IdempotencyKey = null)
    : ICommand<WebhookRecoveryDto>, IIdempotentCommand, IAuditedCommand
{
    public string AuditAction => "webhooks.endpoints.recover";

    public string AuditResourceType => "webhook_endpoint";

    public Guid? AuditResourceId => EndpointId;
}
