using Platform.Application.Common.Messaging;
using Platform.Application.Common.Security;
using Platform.Domain.Identity;

namespace Platform.Application.Webhooks.Queries.GetWebhookMessage;

[RequiresRole(Role.Admin)]
public sealed record GetWebhookMessageQuery(Guid MessageId) : IQuery<WebhookMessageDto>;
