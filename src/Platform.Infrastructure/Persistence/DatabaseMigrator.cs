using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Platform.Infrastructure.Persistence;

/// <summary>
/// Applies the forward-only SQL migrations embedded in this assembly, in order, each in its own transaction,
/// under a session-level PostgreSQL advisory lock so that instances starting together apply them exactly once.
/// Applied versions and checksums are recorded in <c>schema_migrations</c>; an applied file that was edited
/// afterwards stops start-up. Quartz's own tables are then provisioned (idempotently) under the same lock.
/// </summary>
public sealed partial class DatabaseMigrator(NpgsqlDataSource dataSource, ILogger<DatabaseMigrator> logger)
{
    /// <summary>Advisory lock key held while migrating ("platform" in ASCII).</summary>
    public const long LockKey = 0x706c6174666f726d;

    public const string QuartzTablePrefix = "qrtz_";

    public static IReadOnlyList<Migration> Embedded { get; } = LoadEmbedded();

    /// <summary>Applies pending migrations; returns how many were applied by this call.</summary>
    public async Task<int> MigrateAsync(CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await ExecuteAsync(connection, null, $"SELECT pg_advisory_lock({LockKey})", cancellationToken);
        try
        {
            await ExecuteAsync(
                connection,
                null,
                """
                CREATE TABLE IF NOT EXISTS schema_migrations (
                    version    text        PRIMARY KEY,
                    name       text        NOT NULL,
                    checksum   text        NOT NULL,
                    applied_at timestamptz NOT NULL DEFAULT now()
                )
                """,
                cancellationToken);

            var applied = await ReadAppliedAsync(connection, cancellationToken);
            var count = 0;
            foreach (var migration in Embedded)
            {
                if (applied.TryGetValue(migration.Version, out var checksum))
                {
                    if (!string.Equals(checksum, migration.Checksum, StringComparison.Ordinal))
                    {
                        throw new InvalidOperationException(
                            $"Migration {migration.Version}_{migration.Name} was changed after it was applied. Migrations are forward-only: add a new file instead.");
                    }

                    continue;
                }

                await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
                await ExecuteAsync(connection, transaction, migration.Sql, cancellationToken);
                await using (var record = new NpgsqlCommand("INSERT INTO schema_migrations (version, name, checksum) VALUES ($1, $2, $3)", connection, transaction))
                {
                    record.Parameters.AddWithValue(migration.Version);
                    record.Parameters.AddWithValue(migration.Name);
                    record.Parameters.AddWithValue(migration.Checksum);
                    await record.ExecuteNonQueryAsync(cancellationToken);
                }

                await transaction.CommitAsync(cancellationToken);
                LogApplied(migration.Version, migration.Name);
                count++;
            }

            await ProvisionQuartzAsync(connection, cancellationToken);
            return count;
        }
        finally
        {
            await ExecuteAsync(connection, null, $"SELECT pg_advisory_unlock({LockKey})", CancellationToken.None);
        }
    }

    /// <summary>The versions recorded as applied, or an empty set when the table does not exist yet.</summary>
    public async Task<IReadOnlyDictionary<string, string>> GetAppliedAsync(CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var exists = new NpgsqlCommand("SELECT to_regclass('schema_migrations') IS NOT NULL", connection);
        if (await exists.ExecuteScalarAsync(cancellationToken) is not true)
        {
            return new Dictionary<string, string>();
        }

        return await ReadAppliedAsync(connection, cancellationToken);
    }

    private static async Task<Dictionary<string, string>> ReadAppliedAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        var applied = new Dictionary<string, string>(StringComparer.Ordinal);
        await using var command = new NpgsqlCommand("SELECT version, checksum FROM schema_migrations", connection);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            applied[reader.GetString(0)] = reader.GetString(1);
        }

        return applied;
    }

    private async Task ProvisionQuartzAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        // The Quartz package ships its PostgreSQL schema as a resource that only ever creates what is missing;
        // running it here, under our lock, avoids two schedulers racing to create the same tables.
        var assembly = typeof(Quartz.IScheduler).Assembly;
        await using var stream = assembly.GetManifestResourceStream("Quartz.Impl.AdoJobStore.Schema.create_postgres.sql")
            ?? throw new InvalidOperationException("The Quartz package no longer embeds its PostgreSQL schema.");
        using var reader = new StreamReader(stream);
        var script = (await reader.ReadToEndAsync(cancellationToken))
            .Replace("{0}", QuartzTablePrefix, StringComparison.Ordinal)
            .Replace("{1}", QuartzTablePrefix, StringComparison.Ordinal);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        foreach (var statement in StatementSeparator().Split(script))
        {
            var sql = string.Join('\n', statement.Split('\n').Where(l => !l.TrimStart().StartsWith("--", StringComparison.Ordinal))).Trim();
            if (sql.Length > 0)
            {
                await ExecuteAsync(connection, transaction, sql, cancellationToken);
            }
        }

        await transaction.CommitAsync(cancellationToken);
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection, transaction);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static List<Migration> LoadEmbedded()
    {
        var assembly = typeof(DatabaseMigrator).Assembly;
        var migrations = new List<Migration>();
        foreach (var resource in assembly.GetManifestResourceNames())
        {
            var match = MigrationName().Match(resource);
            if (!match.Success)
            {
                continue;
            }

            using var stream = assembly.GetManifestResourceStream(resource)!;
            using var reader = new StreamReader(stream);
            var sql = reader.ReadToEnd();
            var checksum = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(sql.ReplaceLineEndings("\n"))));
            migrations.Add(new Migration(match.Groups["version"].Value, match.Groups["name"].Value, sql, checksum));
        }

        return [.. migrations.OrderBy(m => m.Version, StringComparer.Ordinal)];
    }

    [GeneratedRegex(@"Migrations\._?(?<version>\d{4})_(?<name>[a-z0-9_]+)\.sql$")]
    private static partial Regex MigrationName();

    /// <summary>The Quartz script separates statements with a line reading exactly <c>--;;</c>.</summary>
    [GeneratedRegex(@"^--;;[ \t]*\r?$", RegexOptions.Multiline)]
    private static partial Regex StatementSeparator();

    [LoggerMessage(Level = LogLevel.Information, Message = "Applied migration {Version}_{Name}")]
    private partial void LogApplied(string version, string name);
}
