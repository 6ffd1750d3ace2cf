using NUnit.Framework;
using Platform.Application.Common.Messaging;
using Platform.Architecture.Tests.Canaries.Transactions;
using Platform.Architecture.Tests.Rules;

namespace Platform.Architecture.Tests;

/// <summary>Rule 9: opting out of the transaction is only for commands that need none.</summary>
[TestFixture]
public class TransactionRuleTests
{
    [Test]
    public void Non_transactional_commands_are_neither_idempotent_nor_audited()
    {
        var types = PlatformAssemblies.TypesOf(PlatformAssemblies.Application);

        var violations = TransactionRules.FindNonTransactionalCommandsThatNeedATransaction(types);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(types.Where(t => typeof(INonTransactionalCommand).IsAssignableFrom(t) && !t.IsInterface), Is.Not.Empty,
                "no non-transactional command found: the rule would pass vacuously");
            Assert.That(violations, Is.Empty, Violation.Describe(violations));
        }
    }

    [Test]
    public void Canary_a_non_transactional_command_that_is_idempotent_and_audited_is_reported_twice()
    {
        var violations = TransactionRules.FindNonTransactionalCommandsThatNeedATransaction(
            [typeof(UntransactedButIdempotentAndAuditedCommand), typeof(UntransactedCommand)]);

        Assert.That(violations.Select(v => v.Subject), Is.EqualTo(new[]
        {
            typeof(UntransactedButIdempotentAndAuditedCommand).FullName,
            typeof(UntransactedButIdempotentAndAuditedCommand).FullName,
        }));
    }
}
