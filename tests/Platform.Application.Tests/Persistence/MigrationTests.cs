using Microsoft.Extensions.Logging.Abstractions;
using NUnit.Framework;
using Platform.Infrastructure.Persistence;
using Platform.Testing;

namespace Platform.Application.Tests.Persistence;

public sealed class MigrationTests
{
    [Test]
    public async Task Two_migrators_starting_together_apply_each_migration_once()
    {
        await using var database = await EmptyDatabaseAsync("migrate_race");
        var first = new DatabaseMigrator(database.DataSource, NullLogger<DatabaseMigrator>.Instance);
        var second = new DatabaseMigrator(database.DataSource, NullLogger<DatabaseMigrator>.Instance);

        var applied = await Task.WhenAll(first.MigrateAsync(CancellationToken.None), second.MigrateAsync(CancellationToken.None));

        Assert.Multiple(async () =>
        {
            Assert.That(applied.Sum(), Is.EqualTo(DatabaseMigrator.Embedded.Count), "between them they applied every migration exactly once");
            Assert.That(applied, Has.Some.EqualTo(0), "the one that waited for the lock found nothing left to do");
            Assert.That(await database.CountAsync("schema_migrations"), Is.EqualTo(DatabaseMigrator.Embedded.Count));
            Assert.That(await database.CountAsync("pg_tables", "tablename = 'qrtz_job_details'"), Is.EqualTo(1));
        });
    }

    [Test]
    public async Task A_migrator_waits_while_another_holds_the_migration_lock()
    {
        await using var database = await EmptyDatabaseAsync("migrate_lock");
        await using var holder = await database.DataSource.OpenConnectionAsync();
        await using (var take = new Npgsql.NpgsqlCommand($"SELECT pg_advisory_lock({DatabaseMigrator.LockKey})", holder))
        {
            await take.ExecuteNonQueryAsync();
        }

        var migrating = new DatabaseMigrator(database.DataSource, NullLogger<DatabaseMigrator>.Instance).MigrateAsync(CancellationToken.None);
        await Task.Delay(TimeSpan.FromSeconds(1));
        var waitedForLock = !migrating.IsCompleted;
        var tablesWhileLocked = await database.CountAsync("pg_tables", "tablename = 'tickets'");

        await using (var release = new Npgsql.NpgsqlCommand($"SELECT pg_advisory_unlock({DatabaseMigrator.LockKey})", holder))
        {
            await release.ExecuteNonQueryAsync();
        }

        var applied = await migrating.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Multiple(async () =>
        {
            Assert.That(waitedForLock, Is.True, "the migrator must not run while the lock is held");
            Assert.That(tablesWhileLocked, Is.EqualTo(0));
            Assert.That(applied, Is.EqualTo(DatabaseMigrator.Embedded.Count));
            Assert.That(await database.CountAsync("pg_tables", "tablename = 'tickets'"), Is.EqualTo(1));
        });
    }

    [Test]
    public async Task Migrating_an_up_to_date_database_changes_nothing()
    {
        await using var database = await EmptyDatabaseAsync("migrate_twice");
        var migrator = new DatabaseMigrator(database.DataSource, NullLogger<DatabaseMigrator>.Instance);
        await migrator.MigrateAsync(CancellationToken.None);

        var again = await migrator.MigrateAsync(CancellationToken.None);

        Assert.That(again, Is.EqualTo(0));
    }

    [Test]
    public async Task An_applied_migration_that_was_edited_afterwards_stops_the_migrator()
    {
        await using var database = await EmptyDatabaseAsync("migrate_edited");
        var migrator = new DatabaseMigrator(database.DataSource, NullLogger<DatabaseMigrator>.Instance);
        await migrator.MigrateAsync(CancellationToken.None);
        await using (var tamper = database.DataSource.CreateCommand("UPDATE schema_migrations SET checksum = 'edited' WHERE version = '0001'"))
        {
            await tamper.ExecuteNonQueryAsync();
        }

        var error = Assert.ThrowsAsync<InvalidOperationException>(() => migrator.MigrateAsync(CancellationToken.None));

        Assert.That(error!.Message, Does.Contain("0001").And.Contain("forward-only"));
    }

    [Test]
    public void Migrations_are_embedded_in_version_order()
    {
        var versions = DatabaseMigrator.Embedded.Select(m => m.Version).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(versions, Is.Not.Empty);
            Assert.That(versions, Is.Ordered.And.Unique);
            Assert.That(versions[0], Is.EqualTo("0001"));
        });
    }

    private static async Task<TestDatabase> EmptyDatabaseAsync(string suffix)
    {
        // A fresh database, migrated by CreateAsync; drop its schema so the test migrates from nothing.
        var database = await TestDatabase.CreateAsync(suffix);
        await using var reset = database.DataSource.CreateCommand("DROP SCHEMA public CASCADE; CREATE SCHEMA public;");
        await reset.ExecuteNonQueryAsync();
        return database;
    }
}
