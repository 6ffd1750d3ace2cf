using Platform.Application.Common.Messaging;
using Platform.Application.Common.Security;
using Platform.Domain.Identity;

namespace Platform.Application.Webhooks.Queries.ListWebhookAttempts;

/// <summary>Every attempt to deliver one message, oldest first (the newest 500 when there are more).</summary>
[RequiresRole(Role.Admin)]
public sealed record ListWebhookAttemptsQuery(Guid MessageId) : IQuery<ItemsDto<WebhookAttemptDto>>;
