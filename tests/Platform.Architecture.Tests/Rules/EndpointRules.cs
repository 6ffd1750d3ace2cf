namespace Platform.Architecture.Tests.Rules;

/// <summary>Rule 8: endpoints are static internal classes that send requests and never touch the database context.</summary>
public static class EndpointRules
{
    /// <summary>Top-level types in the endpoints namespace whose name ends with <c>Endpoints</c>.</summary>
    public static IReadOnlyList<Type> EndpointClasses(IEnumerable<Type> types, string endpointsNamespace) =>
        types.Where(t => !t.IsNested && t.Namespace == endpointsNamespace && t.Name.EndsWith("Endpoints", StringComparison.Ordinal))
            .ToList();

    public static IReadOnlyList<Violation> FindEndpointClassesNotStaticAndInternal(IEnumerable<Type> types, string endpointsNamespace)
    {
        var violations = new List<Violation>();
        foreach (var endpoints in EndpointClasses(types, endpointsNamespace))
        {
            if (!TypeFacts.IsStaticClass(endpoints))
            {
                violations.Add(new Violation(TypeFacts.Display(endpoints), "endpoint class must be static"));
            }

            if (!TypeFacts.IsInternal(endpoints))
            {
                violations.Add(new Violation(TypeFacts.Display(endpoints), "endpoint class must be internal"));
            }
        }

        return violations;
    }

    /// <summary>
    /// Types in the endpoints namespace (or below it, nested and compiler-generated types included) that use any
    /// of the forbidden types, or a type derived from one, in a signature or a method body.
    /// </summary>
    public static IReadOnlyList<Violation> FindTypesUsing(IEnumerable<Type> types, string endpointsNamespace, IReadOnlyList<Type> forbidden)
    {
        ArgumentNullException.ThrowIfNull(forbidden);
        var violations = new List<Violation>();
        foreach (var type in types.Where(t => TypeFacts.IsInNamespace(t.Namespace, endpointsNamespace)))
        {
            var uses = TypeReferences.Of(type, includeMethodBodies: true)
                .Where(r => forbidden.Any(f => f.IsAssignableFrom(r.Target)))
                .GroupBy(r => r.Target);
            foreach (var use in uses)
            {
                violations.Add(new Violation(
                    TypeFacts.Display(type),
                    $"uses {TypeFacts.Display(use.Key)} ({use.First().Via}); endpoints send requests instead of touching the database"));
            }
        }

        return violations;
    }
}
