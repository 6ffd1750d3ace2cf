using Platform.Application.Common.Messaging;
using Platform.Application.Common.Security;
using Platform.Domain.Identity;

namespace Platform.Application.Webhooks.Commands.DeleteWebhookEndpoint;

/// <summary>Removes an endpoint and its secrets; nothing more is sent to it.</summary>
[RequiresRole(Role.Admin)]
public sealed record DeleteWebhookEndpointCommand(Guid EndpointId) : ICommand<bool>, IAuditedCommand
{
    public string AuditAction => "webhooks.endpoints.delete";

    public string AuditResourceType => "webhook_endpoint";

    public Guid? AuditResourceId => EndpointId;
}
