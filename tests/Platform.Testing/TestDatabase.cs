using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using Platform.Infrastructure.Persistence;
using Respawn;
using Respawn.Graph;

namespace Platform.Testing;

/// <summary>
/// A real PostgreSQL database for one test assembly, created fresh on the server named by
/// <c>ConnectionStrings__Platform</c> (build/test.sh starts a throwaway cluster and sets it), migrated with the
/// application's own migrator, and emptied between tests.
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    private readonly NpgsqlDataSource adminSource;
    private Respawner? respawner;

    private TestDatabase(string name, string connectionString, NpgsqlDataSource adminSource)
    {
        Name = name;
        ConnectionString = connectionString;
        this.adminSource = adminSource;
        DataSource = NpgsqlDataSource.Create(connectionString);
    }

    public string Name { get; }

    public string ConnectionString { get; }

    public NpgsqlDataSource DataSource { get; }

    public static string ServerConnectionString =>
        Environment.GetEnvironmentVariable("ConnectionStrings__Platform")
        ?? throw new InvalidOperationException(
            "ConnectionStrings__Platform is not set. Run the tests with ./build/test.sh, which starts a throwaway PostgreSQL, or point the variable at a server.");

    /// <summary>
    /// Creates the database <c>platform_test_{suffix}_{process id}</c> and migrates it. The process id keeps runs
    /// that share one server (two developers, or a run beside an IDE) from dropping each other's databases.
    /// </summary>
    public static async Task<TestDatabase> CreateAsync(string suffix)
    {
        var server = new NpgsqlConnectionStringBuilder(ServerConnectionString) { Pooling = false };
        var name = $"platform_test_{suffix}_{Environment.ProcessId}".ToLowerInvariant();
        var adminSource = NpgsqlDataSource.Create(server.ConnectionString);
        await using (var drop = adminSource.CreateCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)"))
        {
            await drop.ExecuteNonQueryAsync();
        }

        await using (var create = adminSource.CreateCommand($"CREATE DATABASE \"{name}\""))
        {
            await create.ExecuteNonQueryAsync();
        }

        var connectionString = new NpgsqlConnectionStringBuilder(ServerConnectionString) { Database = name, MaxPoolSize = 100 }.ConnectionString;
        var database = new TestDatabase(name, connectionString, adminSource);
        try
        {
            await new DatabaseMigrator(database.DataSource, NullLogger<DatabaseMigrator>.Instance).MigrateAsync(CancellationToken.None);
            return database;
        }
        catch
        {
            await database.DisposeAsync();
            throw;
        }
    }

    /// <summary>
    /// Empties every table but the migrations table and Quartz's lock rows (which Quartz seeds once and needs):
    /// application data, and the scheduler state, jobs and triggers a clustered test leaves behind. Respawn reads the
    /// tables and their foreign keys once, on the first reset after migrating, so a new migration is covered without
    /// editing this list; it then deletes children before parents (ADR 0023 says why DELETE, not TRUNCATE).
    /// </summary>
    public async Task ResetAsync()
    {
        await using var connection = await DataSource.OpenConnectionAsync();
        respawner ??= await Respawner.CreateAsync(connection, new RespawnerOptions
        {
            DbAdapter = DbAdapter.Postgres,
            SchemasToInclude = ["public"],
            TablesToIgnore = [new Table("public", "schema_migrations"), new Table("public", "qrtz_locks")],
            FormatDeleteStatement = table => $"DELETE FROM {table.GetFullName('"')};",
        });
        await respawner.ResetAsync(connection);
    }

    public async Task<long> CountAsync(string table, string where = "true")
    {
        await using var command = DataSource.CreateCommand($"SELECT count(*) FROM {table} WHERE {where}");
        return (long)(await command.ExecuteScalarAsync())!;
    }

    public async ValueTask DisposeAsync()
    {
        await DataSource.DisposeAsync();
        using (var connection = new NpgsqlConnection(ConnectionString))
        {
            NpgsqlConnection.ClearPool(connection);
        }

        await using (var drop = adminSource.CreateCommand($"DROP DATABASE IF EXISTS \"{Name}\" WITH (FORCE)"))
        {
            await drop.ExecuteNonQueryAsync();
        }

        await adminSource.DisposeAsync();
    }
}
