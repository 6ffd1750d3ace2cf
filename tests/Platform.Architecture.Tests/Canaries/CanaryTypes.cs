using System.Reflection;

namespace Platform.Architecture.Tests.Canaries;

/// <summary>
/// Picks deliberately bad types out of the test assembly. Canary types live under
/// <c>Platform.Architecture.Tests.Canaries</c>, so the rules never see them when they scan the production assemblies.
/// </summary>
public static class CanaryTypes
{
    /// <summary>All types (nested and compiler-generated included) in the marker's namespace or below it.</summary>
    public static IReadOnlyList<Type> UnderNamespaceOf<TMarker>() => UnderNamespace(typeof(TMarker).Namespace!);

    public static IReadOnlyList<Type> UnderNamespace(string ns) =>
        typeof(CanaryTypes).Assembly.GetTypes()
            .Where(t => t.Namespace == ns || (t.Namespace?.StartsWith(ns + ".", StringComparison.Ordinal) ?? false))
            .ToList();

    /// <summary>The type and every type nested in it (closures and state machines included).</summary>
    public static IReadOnlyList<Type> WithNested(Type type)
    {
        var all = new List<Type> { type };
        foreach (var nested in type.GetNestedTypes(BindingFlags.Public | BindingFlags.NonPublic))
        {
            all.AddRange(WithNested(nested));
        }

        return all;
    }

    public static string Name<T>() => Name(typeof(T));

    public static string Name(Type type) => type.FullName!;
}
