using Platform.Application.Common.Messaging;
using Platform.Application.Common.Security;
using Platform.Domain.Identity;

namespace Platform.Application.Webhooks.Commands.CreateWebhookEndpoint;

/// <summary>Registers a receiver. The answer carries its new signing secret, the only time it is shown.</summary>
[RequiresRole(Role.Admin)]
public sealed record CreateWebhookEndpointCommand(
    string Url,
    string? Description,
    IReadOnlyList<string> EventTypes,
    bool? Enabled = null,
    string? IdempotencyKey = null) : ICommand<WebhookEndpointWithSecretDto>, IIdempotentCommand, IAuditedCommand
{
    public string AuditAction => "webhooks.endpoints.create";

    public string AuditResourceType => "webhook_endpoint";
}
