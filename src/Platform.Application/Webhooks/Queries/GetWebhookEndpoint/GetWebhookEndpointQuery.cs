using Platform.Application.Common.Messaging;
using Platform.Application.Common.Security;
using Platform.Domain.Identity;

namespace Platform.Application.Webhooks.Queries.GetWebhookEndpoint;

[RequiresRole(Role.Admin)]
public sealed record GetWebhookEndpointQuery(Guid EndpointId) : IQuery<WebhookEndpointDto>;
