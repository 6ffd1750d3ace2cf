using Platform.Application.Common.Messaging;
using Platform.Application.Common.Security;
using Platform.Domain.Identity;

namespace Platform.Application.Identity.Commands.ResealMfaSecrets;

/// <summary>
/// After <c>Auth:MfaEncryptionKey</c> was set or rotated: seals every authenticator secret again under the current
/// key, so the old key (or <c>Auth:SecretKey</c>, whose derived key opened them) can then change. The secrets
/// themselves do not change; apps notice nothing. Returns how many were re-sealed (0 once all are current).
/// </summary>
[RequiresRole(Role.Admin)]
public sealed record ResealMfaSecretsCommand(string? IdempotencyKey = null) : ICommand<MfaResealDto>, IIdempotentCommand, IAuditedCommand
{
    public string AuditAction => "users.mfa_secrets_reseal";

    public string AuditResourceType => "user";

    public Guid? AuditResourceId => null;
}
