namespace Platform.Architecture.Tests.Rules;

/// <summary>
/// Rule 5: a type in <c>{root}.{FeatureA}</c> uses no type from <c>{root}.{FeatureB}</c>; shared namespaces
/// (<c>Common</c>) may be used by every feature. Types directly in the root namespace (composition, such as
/// <c>DependencyInjection</c>) belong to no feature. Uses are found through signatures and method bodies
/// (<see cref="TypeReferences"/>), so compiler-generated closures and state machines count for their feature.
/// </summary>
public static class FeatureIsolationRules
{
    public static readonly IReadOnlySet<string> SharedInApplication = new HashSet<string>(StringComparer.Ordinal) { "Common" };

    /// <summary>The feature a namespace belongs to (the segment after the root), or null outside any feature.</summary>
    public static string? FeatureOf(string? ns, string rootNamespace)
    {
        ArgumentNullException.ThrowIfNull(rootNamespace);
        var prefix = rootNamespace + ".";
        if (ns is null || !ns.StartsWith(prefix, StringComparison.Ordinal))
        {
            return null;
        }

        var rest = ns[prefix.Length..];
        var dot = rest.IndexOf('.', StringComparison.Ordinal);
        return dot < 0 ? rest : rest[..dot];
    }

    /// <summary>Every feature found among the types, shared ones excluded.</summary>
    public static IReadOnlySet<string> Features(IEnumerable<Type> types, string rootNamespace, IReadOnlySet<string> shared) =>
        types.Select(t => FeatureOf(t.Namespace, rootNamespace))
            .OfType<string>()
            .Where(f => !shared.Contains(f))
            .ToHashSet(StringComparer.Ordinal);

    public static IReadOnlyList<Violation> FindCrossFeatureUses(IEnumerable<Type> types, string rootNamespace, IReadOnlySet<string> shared)
    {
        ArgumentNullException.ThrowIfNull(shared);
        var violations = new List<Violation>();
        foreach (var type in types)
        {
            var feature = FeatureOf(type.Namespace, rootNamespace);
            if (feature is null || shared.Contains(feature))
            {
                continue;
            }

            var foreign = TypeReferences.Of(type, includeMethodBodies: true)
                .Select(r => (Reference: r, Feature: FeatureOf(r.Target.Namespace, rootNamespace)))
                .Where(x => x.Feature is not null && x.Feature != feature && !shared.Contains(x.Feature))
                .GroupBy(x => x.Reference.Target);
            foreach (var use in foreign)
            {
                var first = use.First();
                violations.Add(new Violation(
                    TypeFacts.Display(type),
                    $"feature '{feature}' uses {TypeFacts.Display(use.Key)} of feature '{first.Feature}' ({first.Reference.Via})"));
            }
        }

        return violations;
    }
}
