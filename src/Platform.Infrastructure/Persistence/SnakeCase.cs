using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace Platform.Infrastructure.Persistence;

/// <summary>
/// snake_case names for every column, key and foreign key (EFCore.NamingConventions has no EF Core 10 build here;
/// see adr/0005). Table and index names are set explicitly in the configurations to match the SQL migrations.
/// </summary>
internal static class SnakeCase
{
    public static string Of(string name) => JsonNamingPolicy.SnakeCaseLower.ConvertName(name);

    public static void Apply(ModelBuilder modelBuilder)
    {
        foreach (var entity in modelBuilder.Model.GetEntityTypes())
        {
            var table = entity.GetTableName() ?? Of(entity.ClrType.Name);
            entity.SetTableName(table);
            foreach (var property in entity.GetProperties())
            {
                property.SetColumnName(Of(property.Name));
            }

            foreach (var key in entity.GetKeys())
            {
                key.SetName(key.IsPrimaryKey() ? $"{table}_pkey" : $"ak_{table}_{string.Join('_', key.Properties.Select(p => Of(p.Name)))}");
            }

            foreach (var foreignKey in entity.GetForeignKeys())
            {
                foreignKey.SetConstraintName($"{table}_{string.Join('_', foreignKey.Properties.Select(p => Of(p.Name)))}_fkey");
            }
        }
    }
}
