using Platform.Application.Common.Messaging;

namespace Platform.Architecture.Tests.Canaries.Transactions;

/// <summary>Breaks rule 9 twice: idempotent and audited without the transaction both need.</summary>
public sealed record UntransactedButIdempotentAndAuditedCommand(string? IdempotencyKey)
    : ICommand<int>, INonTransactionalCommand, IIdempotentCommand, IAuditedCommand
{
    public string AuditAction => "canary.run";

    public string AuditResourceType => "canary";
}

/// <summary>Keeps rule 9: non-transactional and nothing that needs a transaction.</summary>
public sealed record UntransactedCommand : ICommand<int>, INonTransactionalCommand;
