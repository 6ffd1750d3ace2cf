using System.Linq.Expressions;

namespace Platform.Application.Common.Mapping;

/// <summary>
/// Takes the null guards out of a Mapster projection before EF Core sees it. Mapster writes every constructor
/// argument as <c>src != null ? src.X : default(T)</c>; in a query the row is never null, and EF Core evaluates each
/// <c>default(T)</c> by compiling it on every execution (it was a fifth of a ticket read's allocations). The result
/// is the same projection with the guards on lambda parameters removed, <c>x != null ? x : null</c> reduced to
/// <c>x</c>, and any remaining <c>default(T)</c> written as a constant. Guards on anything else (a nullable
/// navigation) stay.
/// </summary>
internal sealed class ProjectionSimplifier : ExpressionVisitor
{
    private readonly HashSet<ParameterExpression> rows = [];

    public static LambdaExpression Simplify(LambdaExpression projection)
    {
        ArgumentNullException.ThrowIfNull(projection);
        return (LambdaExpression)new ProjectionSimplifier().Visit(projection);
    }

    protected override Expression VisitLambda<T>(Expression<T> node)
    {
        ArgumentNullException.ThrowIfNull(node);
        rows.UnionWith(node.Parameters);
        return base.VisitLambda(node);
    }

    protected override Expression VisitDefault(DefaultExpression node)
    {
        ArgumentNullException.ThrowIfNull(node);
        return node.Type == typeof(void) ? node : Expression.Constant(node.Type.IsValueType ? Activator.CreateInstance(node.Type) : null, node.Type);
    }

    protected override Expression VisitBinary(BinaryExpression node)
    {
        ArgumentNullException.ThrowIfNull(node);
        var visited = base.VisitBinary(node);
        if (visited is not BinaryExpression binary)
        {
            return visited;
        }

        if (binary.NodeType == ExpressionType.NotEqual && (IsRowNotNull(binary.Left, binary.Right) || IsRowNotNull(binary.Right, binary.Left)))
        {
            return Expression.Constant(true);
        }

        if (binary.NodeType == ExpressionType.AndAlso)
        {
            if (IsTrue(binary.Left))
            {
                return binary.Right;
            }

            if (IsTrue(binary.Right))
            {
                return binary.Left;
            }
        }

        return binary;
    }

    protected override Expression VisitConditional(ConditionalExpression node)
    {
        ArgumentNullException.ThrowIfNull(node);
        var visited = base.VisitConditional(node);
        if (visited is not ConditionalExpression conditional)
        {
            return visited;
        }

        if (IsTrue(conditional.Test))
        {
            return conditional.IfTrue;
        }

        // x != null ? x : null is x.
        if (conditional.Test is BinaryExpression { NodeType: ExpressionType.NotEqual } test && IsNull(test.Right) && IsNull(conditional.IfFalse)
            && SameMember(test.Left, conditional.IfTrue) && conditional.IfTrue.Type == conditional.Type)
        {
            return conditional.IfTrue;
        }

        return conditional;
    }

    private bool IsRowNotNull(Expression candidate, Expression other) => candidate is ParameterExpression p && rows.Contains(p) && IsNull(other);

    private static bool IsTrue(Expression e) => e is ConstantExpression { Value: true };

    private static bool IsNull(Expression e) => e is ConstantExpression { Value: null };

    private static bool SameMember(Expression a, Expression b) =>
        a is MemberExpression { Expression: ParameterExpression pa } ma && b is MemberExpression { Expression: ParameterExpression pb } mb
        && ma.Member == mb.Member && pa == pb;
}
