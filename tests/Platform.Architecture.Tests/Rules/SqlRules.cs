using System.Reflection;

namespace Platform.Architecture.Tests.Rules;

/// <summary>
/// Rule 10: Application sends no SQL of its own. PostgreSQL-specific SQL (row and advisory locks, <c>DISTINCT ON</c>,
/// housekeeping deletes) lives in Infrastructure behind interfaces named for their intent, so Application reads as
/// use cases and queries the database through LINQ only. Two checks: the assembly references no database provider
/// nor EF Core Relational (where the raw-SQL APIs live), and no method body calls a raw-SQL API or an Npgsql member.
/// </summary>
public static class SqlRules
{
    /// <summary>Assemblies Application must not reference: the provider and the relational layer with its SQL APIs.</summary>
    public static readonly IReadOnlyList<string> ForbiddenForApplication =
    [
        "Npgsql*",
        "Microsoft.EntityFrameworkCore.Relational",
    ];

    /// <summary>The raw-SQL entry points of EF Core: declaring type, and the method names that take SQL text.</summary>
    public static readonly IReadOnlyDictionary<string, IReadOnlySet<string>> RawSqlMethods = new Dictionary<string, IReadOnlySet<string>>(StringComparer.Ordinal)
    {
        ["Microsoft.EntityFrameworkCore.RelationalQueryableExtensions"] =
            new HashSet<string>(StringComparer.Ordinal) { "FromSql", "FromSqlRaw", "FromSqlInterpolated" },
        ["Microsoft.EntityFrameworkCore.RelationalDatabaseFacadeExtensions"] = new HashSet<string>(StringComparer.Ordinal)
        {
            "SqlQuery", "SqlQueryRaw",
            "ExecuteSql", "ExecuteSqlAsync", "ExecuteSqlRaw", "ExecuteSqlRawAsync", "ExecuteSqlInterpolated", "ExecuteSqlInterpolatedAsync",
            "GetDbConnection",
        },
    };

    private const BindingFlags Declared =
        BindingFlags.DeclaredOnly | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static;

    /// <summary>
    /// Every call, in the types' method and constructor bodies (compiler-generated closures and async state machines
    /// included when they are among <paramref name="types"/>), to a raw-SQL API or to any member of an Npgsql assembly.
    /// </summary>
    public static IReadOnlyList<Violation> FindRawSqlCalls(IEnumerable<Type> types)
    {
        ArgumentNullException.ThrowIfNull(types);
        var violations = new List<Violation>();
        foreach (var type in types)
        {
            var bodies = type.GetConstructors(Declared).Cast<MethodBase>().Concat(type.GetMethods(Declared));
            foreach (var method in bodies)
            {
                foreach (var called in IlMembers.Of(method).OfType<MethodBase>())
                {
                    if (Describe(called) is { } what)
                    {
                        violations.Add(new Violation(type.FullName ?? type.Name, $"{method.Name} calls {what}"));
                    }
                }
            }
        }

        return violations;
    }

    private static string? Describe(MethodBase called)
    {
        var declaring = called.DeclaringType;
        if (declaring is null)
        {
            return null;
        }

        var name = $"{declaring.FullName}.{called.Name}";
        if (declaring.FullName is { } full && RawSqlMethods.TryGetValue(full, out var names) && names.Contains(called.Name))
        {
            return $"{name} (raw SQL: put it behind an intention-named interface implemented in Infrastructure)";
        }

        return declaring.Assembly.GetName().Name is { } assembly && LayerRules.Matches(assembly, "Npgsql*")
            ? $"{name} (from {assembly}: Application is provider-neutral)"
            : null;
    }
}
