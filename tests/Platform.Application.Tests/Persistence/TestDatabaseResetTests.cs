using NUnit.Framework;
using Platform.Application.Tickets.Commands.CreateTicket;

namespace Platform.Application.Tests.Persistence;

/// <summary>
/// What every test starts from: <c>TestDatabase.ResetAsync</c> empties application data and the Quartz state a
/// clustered test leaves behind, and keeps the migrations record and Quartz's lock rows.
/// </summary>
public sealed class TestDatabaseResetTests : ApplicationTestBase
{
    [Test]
    public async Task Reset_empties_every_table_but_the_migrations_record_and_quartz_locks()
    {
        var customer = await CustomerAsync();
        await App.SendAsync(new CreateTicketCommand("Printer", "On fire"), customer);
        await ExecuteAsync(
            """
            INSERT INTO qrtz_locks (sched_name, lock_name) VALUES ('reset-test', 'TRIGGER_ACCESS');
            INSERT INTO qrtz_scheduler_state (sched_name, instance_name, last_checkin_time, checkin_interval)
                VALUES ('reset-test', 'instance-1', 1, 1000);
            INSERT INTO qrtz_job_details (sched_name, job_name, job_group, job_class_name, is_durable, is_nonconcurrent, is_update_data, requests_recovery)
                VALUES ('reset-test', 'job', 'group', 'Job', true, true, false, false);
            INSERT INTO qrtz_triggers (sched_name, trigger_name, trigger_group, job_name, job_group, trigger_state, trigger_type, start_time)
                VALUES ('reset-test', 'trigger', 'group', 'job', 'group', 'WAITING', 'SIMPLE', 1);
            """);
        var migrations = await Database.CountAsync("schema_migrations");
        var locks = await Database.CountAsync("qrtz_locks");
        Assert.That(await RowsByTableAsync(), Does.ContainKey("tickets").And.ContainKey("audit_log").And.ContainKey("qrtz_triggers"), "the seed must reach the tables under test");

        await Database.ResetAsync();

        Assert.Multiple(async () =>
        {
            Assert.That(await RowsByTableAsync(), Is.Empty, "tables that still hold rows");
            Assert.That(await Database.CountAsync("schema_migrations"), Is.EqualTo(migrations).And.GreaterThan(0));
            Assert.That(await Database.CountAsync("qrtz_locks"), Is.EqualTo(locks).And.GreaterThan(0));
        });
    }

    /// <summary>Every table in <c>public</c>, except the two that are kept, that has at least one row, with its count.</summary>
    private async Task<Dictionary<string, long>> RowsByTableAsync()
    {
        var tables = new List<string>();
        await using (var list = Database.DataSource.CreateCommand(
            "SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename NOT IN ('schema_migrations', 'qrtz_locks')"))
        await using (var reader = await list.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                tables.Add(reader.GetString(0));
            }
        }

        var rows = new Dictionary<string, long>();
        foreach (var table in tables)
        {
            var count = await Database.CountAsync($"\"{table}\"");
            if (count > 0)
            {
                rows[table] = count;
            }
        }

        return rows;
    }

    private async Task ExecuteAsync(string sql)
    {
        await using var command = Database.DataSource.CreateCommand(sql);
        await command.ExecuteNonQueryAsync();
    }
}
