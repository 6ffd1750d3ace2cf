using System.Linq.Expressions;
using System.Reflection;
using System.Text.Json;

namespace Platform.Application.Common.Validation;

/// <summary>
/// FluentValidation's name resolvers, set globally by <see cref="DependencyInjection.AddApplication"/>: a rule for
/// <c>x =&gt; x.Filter.PageSize</c> reports <c>filter.page_size</c>, and FluentValidation adds collection indexes and
/// child-validator prefixes itself (<c>roles[0]</c>, <c>items[0].page_size</c>), so failures arrive already named
/// as the JSON API names the field.
/// </summary>
internal static class ValidationNames
{
    /// <summary>The snake_case path of the member chain in the rule's expression, or of the member alone.</summary>
    public static string? PropertyPath(Type containerType, MemberInfo? member, LambdaExpression? expression)
    {
        var names = new List<string>();
        for (var node = MemberOf(expression?.Body); node is not null; node = MemberOf(node.Expression))
        {
            names.Add(Convert(node.Member.Name));
        }

        if (names.Count > 0)
        {
            names.Reverse();
            return string.Join('.', names);
        }

        return member is null ? null : Convert(member.Name);
    }

    /// <summary>The name <c>{PropertyName}</c> stands for in messages: the member's snake_case name.</summary>
    public static string? DisplayName(Type containerType, MemberInfo? member, LambdaExpression? expression) =>
        member is null ? null : Convert(member.Name);

    private static string Convert(string name) => JsonNamingPolicy.SnakeCaseLower.ConvertName(name);

    /// <summary>The member access in <paramref name="node"/>, looking through a conversion (boxing) as FluentValidation does.</summary>
    private static MemberExpression? MemberOf(Expression? node) =>
        node is UnaryExpression unary ? unary.Operand as MemberExpression : node as MemberExpression;
}
