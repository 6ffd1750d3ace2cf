using System.Reflection;
using System.Runtime.CompilerServices;

namespace Platform.Architecture.Tests.Rules;

/// <summary>Small reflection predicates shared by the rules.</summary>
public static class TypeFacts
{
    /// <summary>A class or struct that can be instantiated: not abstract, not an interface, not an open generic.</summary>
    public static bool IsConcrete(Type type) =>
        (type.IsClass || type.IsValueType) && !type.IsAbstract && !type.IsInterface && !type.ContainsGenericParameters;

    /// <summary>Closures, state machines, anonymous types and other types the compiler writes.</summary>
    public static bool IsCompilerGenerated(Type type) =>
        type.IsDefined(typeof(CompilerGeneratedAttribute), inherit: false) || type.Name.Contains('<', StringComparison.Ordinal);

    /// <summary>Types a person wrote (not compiler-generated, and not nested inside a compiler-generated type).</summary>
    public static bool IsUserWritten(Type type)
    {
        for (var current = type; current is not null; current = current.DeclaringType)
        {
            if (IsCompilerGenerated(current))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>A record class: the compiler gives every record class an <c>EqualityContract</c> property.</summary>
    public static bool IsRecordClass(Type type)
    {
        if (!type.IsClass)
        {
            return false;
        }

        var contract = type.GetProperty(
            "EqualityContract",
            BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly);
        return contract is not null
            && contract.PropertyType == typeof(Type)
            && (contract.IsDefined(typeof(CompilerGeneratedAttribute), inherit: false)
                || contract.GetMethod?.IsDefined(typeof(CompilerGeneratedAttribute), inherit: false) == true);
    }

    /// <summary>A C# static class (abstract and sealed in IL).</summary>
    public static bool IsStaticClass(Type type) => type.IsClass && type.IsAbstract && type.IsSealed;

    /// <summary>Not reachable from outside its assembly (internal, or nested in something internal).</summary>
    public static bool IsInternal(Type type) => !type.IsVisible;

    /// <summary>The closed forms of <paramref name="openGeneric"/> (an interface definition) that the type implements.</summary>
    public static IReadOnlyList<Type> ClosedInterfaces(Type type, Type openGeneric) =>
        type.GetInterfaces()
            .Where(i => i.IsGenericType && i.GetGenericTypeDefinition() == openGeneric)
            .ToList();

    public static bool Implements(Type type, Type interfaceType) =>
        interfaceType.IsGenericTypeDefinition
            ? ClosedInterfaces(type, interfaceType).Count > 0
            : interfaceType.IsAssignableFrom(type) && type != interfaceType;

    /// <summary>The type's name without a generic arity suffix (<c>Page`1</c> becomes <c>Page</c>).</summary>
    public static string PlainName(Type type)
    {
        var tick = type.Name.IndexOf('`', StringComparison.Ordinal);
        return tick < 0 ? type.Name : type.Name[..tick];
    }

    /// <summary>True when <paramref name="ns"/> is <paramref name="root"/> or lies beneath it.</summary>
    public static bool IsInNamespace(string? ns, string root) =>
        ns is not null && (ns == root || ns.StartsWith(root + ".", StringComparison.Ordinal));

    /// <summary>The name to report: full name, or the plain name for odd types without one.</summary>
    public static string Display(Type type) => type.FullName ?? type.Name;
}
