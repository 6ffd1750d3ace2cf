using Platform.Application.Common.Messaging;
using Platform.Application.Common.Security;
using Platform.Domain.Identity;

namespace Platform.Application.Webhooks.Commands.ResealWebhookSecrets;

/// <summary>
/// After the encryption key was rotated: seals every endpoint's signing secrets again under the current
/// <c>Webhooks:SecretEncryptionKey</c>, so the old key can then be dropped from
/// <c>Webhooks:PreviousSecretEncryptionKeys</c>. The secrets themselves do not change; receivers notice nothing.
/// Returns how many endpoints were re-sealed (0 once every row is under the current key).
/// </summary>
[RequiresRole(Role.Admin)]
public sealed record ResealWebhookSecretsCommand(string? IdempotencyKey = null) : ICommand<WebhookResealDto>, IIdempotentCommand, IAuditedCommand
{
    public string AuditAction => "webhooks.secrets.reseal";

    public string AuditResourceType => "webhook_endpoint";

    public Guid? AuditResourceId => null;
}
