using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.Extensions.DependencyInjection;
using NUnit.Framework;
using Platform.Infrastructure.Persistence;

namespace Platform.Application.Tests.Persistence;

/// <summary>The EF model and the SQL migrations describe the same tables, columns, types, nullability and unique indexes.</summary>
public sealed class SchemaMatchesModelTests : ApplicationTestBase
{
    [Test]
    public async Task Every_mapped_column_exists_with_the_same_type_and_nullability()
    {
        var columns = await ReadColumnsAsync();
        await using var scope = App.Services.CreateAsyncScope();
        var model = scope.ServiceProvider.GetRequiredService<PlatformDbContext>().Model;

        var problems = new List<string>();
        foreach (var entity in model.GetEntityTypes())
        {
            var table = entity.GetTableName()!;
            var store = StoreObjectIdentifier.Table(table, entity.GetSchema());
            var mapped = entity.GetProperties().Select(p => p.GetColumnName(store)!).ToHashSet();
            foreach (var property in entity.GetProperties())
            {
                var name = property.GetColumnName(store)!;
                if (!columns.TryGetValue((table, name), out var column))
                {
                    problems.Add($"{table}.{name} is mapped but missing from the migrated schema");
                    continue;
                }

                var expectedType = Normalize(property.GetColumnType());
                if (expectedType != column.Type)
                {
                    problems.Add($"{table}.{name}: model {expectedType}, database {column.Type}");
                }

                if (property.IsColumnNullable() != column.Nullable)
                {
                    problems.Add($"{table}.{name}: model nullable={property.IsColumnNullable()}, database nullable={column.Nullable}");
                }
            }

            problems.AddRange(columns.Keys.Where(k => k.Table == table && !mapped.Contains(k.Column))
                .Select(k => $"{table}.{k.Column} exists in the database but is not mapped"));
        }

        Assert.That(problems, Is.Empty);
    }

    [Test]
    public async Task Every_index_in_the_model_exists_in_the_database()
    {
        await using var scope = App.Services.CreateAsyncScope();
        var model = scope.ServiceProvider.GetRequiredService<PlatformDbContext>().Model;
        var indexes = new HashSet<string>();
        await using (var command = Database.DataSource.CreateCommand("SELECT indexname FROM pg_indexes WHERE schemaname = 'public'"))
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                indexes.Add(reader.GetString(0));
            }
        }

        var modelIndexes = model.GetEntityTypes().SelectMany(e => e.GetIndexes()).Select(i => i.GetDatabaseName()!).ToList();

        Assert.Multiple(() =>
        {
            Assert.That(modelIndexes, Is.Not.Empty);
            Assert.That(modelIndexes.Where(i => !indexes.Contains(i)), Is.Empty, "indexes named in the model but missing from the migrations");
        });
    }

    private static string Normalize(string? type) => type switch
    {
        "timestamp with time zone" => "timestamptz",
        "text[]" => "_text",
        "uuid[]" => "_uuid",
        "integer" => "int4",
        "bigint" => "int8",
        "boolean" => "bool",
        null => "?",
        _ => type,
    };

    private async Task<Dictionary<(string Table, string Column), (string Type, bool Nullable)>> ReadColumnsAsync()
    {
        var columns = new Dictionary<(string, string), (string, bool)>();
        await using var command = Database.DataSource.CreateCommand(
            """
            SELECT table_name, column_name, udt_name, is_nullable = 'YES'
            FROM information_schema.columns
            WHERE table_schema = 'public'
            """);
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            var udt = reader.GetString(2);
            columns[(reader.GetString(0), reader.GetString(1))] = (udt, reader.GetBoolean(3));
        }

        return columns;
    }
}
