using Platform.Application.Common.Messaging;

namespace Platform.Architecture.Tests.Rules;

/// <summary>Rule 9: a command that opts out of the transaction cannot also be idempotent or audited, which need it.</summary>
public static class TransactionRules
{
    public static IReadOnlyList<Violation> FindNonTransactionalCommandsThatNeedATransaction(IEnumerable<Type> types) =>
        types.Where(t => typeof(INonTransactionalCommand).IsAssignableFrom(t) && !t.IsInterface)
            .SelectMany(t => new[]
            {
                typeof(IIdempotentCommand).IsAssignableFrom(t) ? new Violation(t.FullName!, "is non-transactional but idempotent: its key must be written in the command's transaction") : null,
                typeof(IAuditedCommand).IsAssignableFrom(t) ? new Violation(t.FullName!, "is non-transactional but audited: its audit row must be written in the command's transaction") : null,
            })
            .OfType<Violation>()
            .ToList();
}
