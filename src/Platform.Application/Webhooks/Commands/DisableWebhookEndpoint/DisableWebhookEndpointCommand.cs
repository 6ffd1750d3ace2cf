using Platform.Application.Common.Messaging;
using Platform.Application.Common.Security;
using Platform.Domain.Webhooks;

namespace Platform.Application.Webhooks.Commands.DisableWebhookEndpoint;

/// <summary>
/// Sent by the delivery workers, not over HTTP: disables an endpoint that answered <c>410 Gone</c>
/// (<see cref="WebhookDisabledReason.Gone"/>) or has failed without a break for <c>Webhooks:DisableAfter</c>
/// (<see cref="WebhookDisabledReason.Failing"/>). When it was still enabled, writes an audit row and a
/// <c>webhooks.endpoint_disabled</c> integration event (for the admins' notification) and returns true; an
/// endpoint already disabled is left as it is (several workers may see the same answer).
/// </summary>
[AllowAnonymousRequest]
public sealed record DisableWebhookEndpointCommand(Guid EndpointId, WebhookDisabledReason Reason, string Detail) : ICommand<bool>;
