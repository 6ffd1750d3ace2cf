using System.Reflection;

namespace Platform.Architecture.Tests.Rules;

/// <summary>
/// Rule 1, layer direction: an assembly must not reference assemblies matching forbidden patterns. A pattern
/// ending in <c>*</c> is a prefix (<c>Npgsql*</c>); any other pattern matches that assembly and its dotted
/// children (<c>System.Net.Http</c> also matches <c>System.Net.Http.Json</c>).
/// </summary>
public static class LayerRules
{
    /// <summary>Domain: no other Platform assembly and no package that does I/O.</summary>
    public static readonly IReadOnlyList<string> ForbiddenForDomain =
    [
        "Platform.*",
        "Microsoft.EntityFrameworkCore*",
        "Npgsql*",
        "Microsoft.AspNetCore*",
        "System.Net.Http",
        "MediatR",
        "FluentValidation",
        "Quartz",
    ];

    /// <summary>Application: not the outer layers, not ASP.NET Core.</summary>
    public static readonly IReadOnlyList<string> ForbiddenForApplication =
    [
        "Platform.Infrastructure",
        "Platform.Api",
        "Microsoft.AspNetCore*",
    ];

    /// <summary>Infrastructure: not the Api.</summary>
    public static readonly IReadOnlyList<string> ForbiddenForInfrastructure =
    [
        "Platform.Api",
    ];

    public static IReadOnlyList<Violation> FindForbiddenReferences(Assembly assembly, IReadOnlyList<string> forbidden)
    {
        ArgumentNullException.ThrowIfNull(assembly);
        return FindForbiddenReferences(
            assembly.GetName().Name ?? assembly.FullName ?? "?",
            assembly.GetReferencedAssemblies().Select(a => a.Name ?? string.Empty),
            forbidden);
    }

    public static IReadOnlyList<Violation> FindForbiddenReferences(
        string assemblyName,
        IEnumerable<string> referencedAssemblyNames,
        IReadOnlyList<string> forbidden)
    {
        ArgumentNullException.ThrowIfNull(referencedAssemblyNames);
        ArgumentNullException.ThrowIfNull(forbidden);
        return referencedAssemblyNames
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .SelectMany(reference => forbidden
                .Where(pattern => Matches(reference, pattern))
                .Take(1)
                .Select(pattern => new Violation(assemblyName, $"references {reference} (forbidden: {pattern})")))
            .ToList();
    }

    public static bool Matches(string assemblyName, string pattern)
    {
        ArgumentNullException.ThrowIfNull(assemblyName);
        ArgumentNullException.ThrowIfNull(pattern);
        return pattern.EndsWith('*')
            ? assemblyName.StartsWith(pattern[..^1], StringComparison.Ordinal)
            : assemblyName == pattern || assemblyName.StartsWith(pattern + ".", StringComparison.Ordinal);
    }
}
