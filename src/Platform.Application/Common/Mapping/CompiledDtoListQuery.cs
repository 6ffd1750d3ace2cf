using System.Linq.Expressions;
using System.Reflection;
using System.Runtime.CompilerServices;
using Mapster;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Query;
using Platform.Application.Common.Interfaces;

namespace Platform.Application.Common.Mapping;

/// <summary>
/// A hot list read as an EF Core compiled query: the filtered, ordered rows are projected to DTOs in SQL
/// (<see cref="DtoProjection"/>) and limited, translated once per mapping configuration. Like
/// <see cref="CompiledDtoQuery{TEntity, TDto, T1, T2}"/> it skips building the LINQ tree and EF Core's parameter
/// extraction, which on a page of 20 were a sixth of the allocations (docs/performance.md). Keep it for the one or two
/// shapes of a list that nearly every request has; other shapes stay ordinary LINQ.
/// </summary>
/// <typeparam name="TEntity">The entity the query reads.</typeparam>
/// <typeparam name="TDto">The DTO each row is projected to.</typeparam>
/// <typeparam name="T1">The first parameter.</typeparam>
/// <typeparam name="T2">The second parameter.</typeparam>
/// <typeparam name="T3">The third parameter.</typeparam>
public sealed class CompiledDtoListQuery<TEntity, TDto, T1, T2, T3>
    where TEntity : class
    where TDto : class
{
    private static readonly MethodInfo Select = QueryableMethods.Select.MakeGenericMethod(typeof(TEntity), typeof(TDto));

    private static readonly MethodInfo Take = QueryableMethods.Take.MakeGenericMethod(typeof(TDto));

    private readonly Expression<Func<DbContext, T1, T2, T3, IQueryable<TEntity>>> query;
    private readonly ConditionalWeakTable<TypeAdapterConfig, Func<DbContext, T1, T2, T3, int, IAsyncEnumerable<TDto>>> compiled = [];

    /// <param name="query">The rows in their order, written against <see cref="DbContext.Set{TEntity}()"/>.</param>
    public CompiledDtoListQuery(Expression<Func<DbContext, T1, T2, T3, IQueryable<TEntity>>> query)
    {
        ArgumentNullException.ThrowIfNull(query);
        this.query = query;
    }

    /// <summary>At most <paramref name="take"/> rows, projected to <typeparamref name="TDto"/>.</summary>
    public async Task<List<TDto>> ToListAsync(IPlatformDbContext db, TypeAdapterConfig config, T1 first, T2 second, T3 third, int take, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(config);
        var context = db as DbContext ?? throw new InvalidOperationException($"{db.GetType().Name} is not an EF Core DbContext.");
        var rows = new List<TDto>(take);
        await foreach (var row in compiled.GetValue(config, Compile)(context, first, second, third, take).WithCancellation(cancellationToken))
        {
            rows.Add(row);
        }

        return rows;
    }

    private Func<DbContext, T1, T2, T3, int, IAsyncEnumerable<TDto>> Compile(TypeAdapterConfig config)
    {
        var projection = DtoProjection.Of<TEntity, TDto>(config);
        var take = Expression.Parameter(typeof(int), "take");
        var body = Expression.Call(null, Take, Expression.Call(null, Select, query.Body, Expression.Quote(projection)), take);
        var lambda = Expression.Lambda<Func<DbContext, T1, T2, T3, int, IQueryable<TDto>>>(body, [.. query.Parameters, take]);
        return EF.CompileAsyncQuery(lambda);
    }
}
