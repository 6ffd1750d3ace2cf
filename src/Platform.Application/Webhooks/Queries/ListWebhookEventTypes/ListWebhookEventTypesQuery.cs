using Platform.Application.Common.Messaging;
using Platform.Application.Common.Security;
using Platform.Domain.Identity;

namespace Platform.Application.Webhooks.Queries.ListWebhookEventTypes;

/// <summary>The event types an endpoint can subscribe to, each with a description and an example message body.</summary>
[RequiresRole(Role.Admin)]
public sealed record ListWebhookEventTypesQuery : IQuery<ItemsDto<WebhookEventTypeDto>>;
