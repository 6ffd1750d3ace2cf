using Platform.Application.Common.Messaging;
using Platform.Application.Common.Security;
using Platform.Domain.Identity;

namespace Platform.Application.Webhooks.Commands.SendWebhookTestMessage;

/// <summary>Queues a <c>webhook.test</c> message to one endpoint, whatever it subscribes to. The endpoint must be enabled.</summary>
[RequiresRole(Role.Admin)]
public sealed record SendWebhookTestMessageCommand(Guid EndpointId, string? IdempotencyKey = null)
    : ICommand<WebhookMessageDto>, IIdempotentCommand, IAuditedCommand
{
    public string AuditAction => "webhooks.endpoints.test";

    public string AuditResourceType => "webhook_endpoint";

    public Guid? AuditResourceId => EndpointId;
}
