using System.Collections.Concurrent;
using System.Reflection;
using System.Text.Json.Serialization.Metadata;
using Platform.Application.Common.Auditing;

namespace Platform.Application.Common.Messaging;

/// <summary>
/// Finds secret members through the JSON contract, so the decision is made exactly where a value is written: members
/// marked <see cref="SensitiveAttribute"/>, and members whose C# name is a secret name although their JSON name is
/// not (a <c>[JsonPropertyName]</c> that hides the word).
/// </summary>
public static class SensitiveMembers
{
    private static readonly ConcurrentDictionary<Type, bool> Declared = new();

    /// <summary>
    /// True when the property, or the record parameter it is bound to, is marked <see cref="SensitiveAttribute"/>, or
    /// when its JSON or C# name is a secret name (<see cref="SecretRules.IsSecretName"/>).
    /// </summary>
    public static bool IsSecret(JsonPropertyInfo property)
    {
        ArgumentNullException.ThrowIfNull(property);
        return property.AttributeProvider?.IsDefined(typeof(SensitiveAttribute), inherit: true) == true
            || property.AssociatedParameter?.AttributeProvider?.IsDefined(typeof(SensitiveAttribute), inherit: true) == true
            || SecretRules.IsSecretName(property.Name)
            || (property.AttributeProvider is MemberInfo member && SecretRules.IsSecretName(member.Name));
    }

    /// <summary>
    /// True when the type, or any type its JSON reaches through properties, collections and dictionaries, has a
    /// secret member (<see cref="IsSecret"/>). Members declared as <see cref="object"/> are not followed.
    /// </summary>
    public static bool AnyIn(Type type)
    {
        ArgumentNullException.ThrowIfNull(type);
        return Declared.GetOrAdd(type, t => Search(t, []));
    }

    private static bool Search(Type type, HashSet<Type> seen)
    {
        type = Unwrap(type);
        if (type == typeof(object) || !seen.Add(type))
        {
            return false;
        }

        var info = ApplicationJson.Options.GetTypeInfo(type);
        return info.Kind switch
        {
            JsonTypeInfoKind.Object => info.Properties.Any(p => IsSecret(p) || Search(p.PropertyType, seen)),
            JsonTypeInfoKind.Enumerable or JsonTypeInfoKind.Dictionary => info.ElementType is { } element && Search(element, seen),
            _ => false,
        };
    }

    /// <summary><c>T?</c> and <see cref="Optional{T}"/> are written as their <c>T</c>.</summary>
    private static Type Unwrap(Type type)
    {
        while (true)
        {
            if (Nullable.GetUnderlyingType(type) is { } underlying)
            {
                type = underlying;
            }
            else if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(Optional<>))
            {
                type = type.GetGenericArguments()[0];
            }
            else
            {
                return type;
            }
        }
    }
}
