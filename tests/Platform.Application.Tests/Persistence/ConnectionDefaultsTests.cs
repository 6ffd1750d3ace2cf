using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using NUnit.Framework;
using Platform.Infrastructure.Persistence;

namespace Platform.Application.Tests.Persistence;

/// <summary>
/// Statements that run again and again are prepared on their connection, and pooled connections are handed on
/// without a reset, unless the operator says otherwise.
/// </summary>
public sealed class ConnectionDefaultsTests : ApplicationTestBase
{
    [Test]
    public async Task A_statement_run_repeatedly_on_the_platform_data_source_is_prepared_and_stays_prepared_across_leases()
    {
        var dataSource = App.Services.GetRequiredService<NpgsqlDataSource>();
        int backend;
        await using (var connection = await dataSource.OpenConnectionAsync())
        {
            backend = connection.ProcessID;
            for (var i = 0; i < 6; i++)
            {
                await using var select = new NpgsqlCommand("SELECT count(*) FROM tickets WHERE requester_id = $1", connection);
                select.Parameters.AddWithValue(Guid.NewGuid());
                await select.ExecuteScalarAsync();
            }
        }

        // The pool hands the same idle connection back; its reset must not have dropped the prepared statement.
        await using var again = await dataSource.OpenConnectionAsync();
        await using var prepared = new NpgsqlCommand("SELECT count(*) FROM pg_prepared_statements WHERE statement LIKE '%FROM tickets WHERE requester_id%'", again);
        var count = (long)(await prepared.ExecuteScalarAsync())!;

        Assert.Multiple(() =>
        {
            Assert.That(again.ProcessID, Is.EqualTo(backend), "the same pooled connection");
            Assert.That(count, Is.EqualTo(1));
        });
    }

    [TestCase("Host=db;Username=app", true)]
    [TestCase("Host=db;Username=app;No Reset On Close=false", false)]
    [TestCase("Host=db;Username=app;NoResetOnClose=false", false)]
    public void Pooled_connections_are_not_reset_between_leases_unless_the_connection_string_says_so(string given, bool expected) =>
        Assert.That(new NpgsqlConnectionStringBuilder(ConnectionStringDefaults.Apply(given)).NoResetOnClose, Is.EqualTo(expected));

    [TestCase("Host=db;Username=app", 100)]
    [TestCase("Host=db;Username=app;Max Auto Prepare=0", 0)]
    [TestCase("Host=db;Username=app;MaxAutoPrepare=20", 20)]
    public void Max_auto_prepare_defaults_to_100_unless_the_connection_string_sets_it(string given, int expected) =>
        Assert.That(new NpgsqlConnectionStringBuilder(ConnectionStringDefaults.Apply(given)).MaxAutoPrepare, Is.EqualTo(expected));
}
