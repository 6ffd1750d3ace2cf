using NUnit.Framework;
using Platform.Architecture.Tests.Canaries.Sql;
using Platform.Architecture.Tests.Rules;

namespace Platform.Architecture.Tests;

/// <summary>Rule 10: Application sends no SQL of its own; PostgreSQL-specific SQL lives in Infrastructure.</summary>
[TestFixture]
public class SqlPlacementTests
{
    [Test]
    public void Application_references_neither_Npgsql_nor_EF_Core_Relational()
    {
        var violations = LayerRules.FindForbiddenReferences(PlatformAssemblies.Application, SqlRules.ForbiddenForApplication);

        Assert.That(violations, Is.Empty, Violation.Describe(violations));
    }

    [Test]
    public void Application_calls_no_raw_SQL_API()
    {
        var violations = SqlRules.FindRawSqlCalls(PlatformAssemblies.TypesOf(PlatformAssemblies.Application));

        Assert.That(violations, Is.Empty, Violation.Describe(violations));
    }

    [Test]
    public void Canary_reference_rule_reports_a_fake_application_that_references_the_provider_and_Relational()
    {
        var violations = LayerRules.FindForbiddenReferences(
            "Platform.Application",
            ["Microsoft.EntityFrameworkCore", "Microsoft.EntityFrameworkCore.Relational", "Npgsql", "Npgsql.EntityFrameworkCore.PostgreSQL"],
            SqlRules.ForbiddenForApplication);

        Assert.That(violations.Select(v => v.Message), Is.EqualTo(new[]
        {
            "references Microsoft.EntityFrameworkCore.Relational (forbidden: Microsoft.EntityFrameworkCore.Relational)",
            "references Npgsql (forbidden: Npgsql*)",
            "references Npgsql.EntityFrameworkCore.PostgreSQL (forbidden: Npgsql*)",
        }));
    }

    [Test]
    public void Canary_call_rule_reports_each_raw_SQL_call_and_Npgsql_use_and_not_LINQ()
    {
        var types = typeof(RawSqlCanary).Assembly.GetTypes()
            .Where(t => t == typeof(RawSqlCanary) || t == typeof(LinqOnlyCanary) || t.DeclaringType == typeof(RawSqlCanary) || t.DeclaringType == typeof(LinqOnlyCanary));

        var messages = SqlRules.FindRawSqlCalls(types).Select(v => v.Message).ToList();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(messages, Has.Exactly(1).Contains("RelationalQueryableExtensions.FromSql "));
            Assert.That(messages, Has.Exactly(1).Contains("RelationalDatabaseFacadeExtensions.SqlQuery "));
            // Found inside the async state machine's MoveNext, not the stub that starts it.
            Assert.That(messages, Has.Exactly(1).Contains("RelationalDatabaseFacadeExtensions.ExecuteSqlAsync "));
            Assert.That(messages, Has.Some.Contains("Npgsql.NpgsqlParameter"));
            Assert.That(SqlRules.FindRawSqlCalls([typeof(LinqOnlyCanary)]), Is.Empty);
        }
    }

    [Test]
    public void Canary_call_rule_reads_real_IL_and_catches_Infrastructure()
    {
        // Infrastructure is where the SQL belongs, so it must be found there: the rule is not blind.
        var violations = SqlRules.FindRawSqlCalls(PlatformAssemblies.TypesOf(PlatformAssemblies.Infrastructure));

        Assert.That(violations.Select(v => v.Subject), Has.Some.EqualTo("Platform.Infrastructure.Tickets.PostgresTicketLocks"));
    }
}
