using Platform.Application.Common.Mapping;
using System.Collections.Concurrent;
using System.Linq.Expressions;
using System.Reflection;
using System.Runtime.CompilerServices;
using Mapster;
using Mapster.Models;

namespace Platform.Application.Common.Mapping;

/// <summary>
/// Projects a query to a DTO in SQL with the application's Mapster maps, like Mapster's <c>ProjectToType</c>, but
/// with the projection built once per pair and simplified for EF Core (<see cref="ProjectionSimplifier"/>), so a
/// query does not rebuild or re-evaluate it on every execution.
/// </summary>
public static class DtoProjection
{
    private static readonly MethodInfo Select = typeof(Queryable).GetMethods()
        .Single(m => m.Name == nameof(Queryable.Select) && m.GetParameters()[1].ParameterType.GetGenericArguments()[0].GetGenericArguments().Length == 2);

    private static readonly ConditionalWeakTable<TypeAdapterConfig, ConcurrentDictionary<(Type Source, Type Dto), (LambdaExpression Projection, MethodInfo Select)>> Cache = new();

    /// <summary>The query's rows as <typeparamref name="TDto"/>, read column for column by the database.</summary>
    public static IQueryable<TDto> ProjectToDto<TDto>(this IQueryable source, TypeAdapterConfig config)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(config);
        var (projection, select) = Cache.GetOrCreateValue(config).GetOrAdd(
            (source.ElementType, typeof(TDto)),
            static (pair, config) => (
                ProjectionSimplifier.Simplify(config.CreateMapExpression(new TypeTuple(pair.Source, pair.Dto), MapType.Projection)),
                Select.MakeGenericMethod(pair.Source, pair.Dto)),
            config);
        return source.Provider.CreateQuery<TDto>(Expression.Call(null, select, source.Expression, Expression.Quote(projection)));
    }

    /// <summary>The simplified projection itself, for tests and for queries written as expressions.</summary>
    public static Expression<Func<TSource, TDto>> Of<TSource, TDto>(TypeAdapterConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        return (Expression<Func<TSource, TDto>>)ProjectionSimplifier.Simplify(config.CreateMapExpression(new TypeTuple(typeof(TSource), typeof(TDto)), MapType.Projection));
    }
}
