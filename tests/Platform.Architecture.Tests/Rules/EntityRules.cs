using System.Reflection;

namespace Platform.Architecture.Tests.Rules;

/// <summary>Rule 7: entities keep their invariants behind methods: no public setter (nor init), no public writable field.</summary>
public static class EntityRules
{
    public static IReadOnlyList<Type> Entities(IEnumerable<Type> types, Type entityBase) =>
        types.Where(t => t != entityBase && entityBase.IsAssignableFrom(t)).ToList();

    public static IReadOnlyList<Violation> FindPublicSetters(IEnumerable<Type> types, Type entityBase)
    {
        ArgumentNullException.ThrowIfNull(entityBase);
        const BindingFlags PublicMembers = BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static;
        var violations = new List<Violation>();
        foreach (var entity in Entities(types, entityBase))
        {
            foreach (var property in entity.GetProperties(PublicMembers).Where(p => p.GetSetMethod(nonPublic: false) is not null))
            {
                violations.Add(new Violation(
                    TypeFacts.Display(entity),
                    $"property {property.Name} (declared on {property.DeclaringType?.Name}) has a public setter"));
            }

            foreach (var field in entity.GetFields(PublicMembers).Where(f => !f.IsInitOnly && !f.IsLiteral))
            {
                violations.Add(new Violation(
                    TypeFacts.Display(entity),
                    $"field {field.Name} (declared on {field.DeclaringType?.Name}) is public and writable"));
            }
        }

        return violations;
    }
}
