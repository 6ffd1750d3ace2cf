using Platform.Application.Common.Messaging;
using Platform.Application.Common.Security;
using Platform.Domain.Identity;

namespace Platform.Application.Webhooks.Commands.RedeliverWebhookMessage;

/// <summary>
/// Sends one message again now, delivered or failed, with the same <c>webhook-id</c> and body, in a fresh round of
/// the retry schedule. Its endpoint must be enabled.
/// </summary>
[RequiresRole(Role.Admin)]
public sealed record RedeliverWebhookMessageCommand(Guid MessageId, string? IdempotencyKey = null)
    : ICommand<WebhookMessageDto>, IIdempotentCommand, IAuditedCommand
{
    public string AuditAction => "webhooks.messages.redeliver";

    public string AuditResourceType => "webhook_message";

    public Guid? AuditResourceId => MessageId;
}
