using System.Linq.Expressions;
using Platform.Domain.Common;

namespace Platform.Application.Common.Paging;

/// <summary>Builds the usual newest-first list: by one timestamp of the entity, then its (time-ordered) id.</summary>
public static class KeysetLists
{
    private static readonly System.Reflection.MethodInfo GuidCompareTo = typeof(Guid).GetMethod(nameof(Guid.CompareTo), [typeof(Guid)])!;

    /// <summary>
    /// A list ordered by <paramref name="time"/> descending, then by id descending (ids are UUIDv7, so they break ties
    /// in the same order), whose cursor is the last row's (time, id). The "strictly after" filter is built from the
    /// same timestamp, with the position's values as query parameters, so it reads the index on (time, id).
    /// </summary>
    public static KeysetList<TEntity, TDto> NewestFirst<TEntity, TDto>(
        string cursorScope,
        Expression<Func<TEntity, DateTimeOffset>> time,
        Func<IQueryable<TEntity>, IQueryable<TDto>> project,
        Func<TDto, KeysetPosition> positionOf)
        where TEntity : Entity
    {
        ArgumentNullException.ThrowIfNull(time);
        return new KeysetList<TEntity, TDto>(
            cursorScope,
            (q, p) => q.Where(After(time, p)),
            q => q.OrderByDescending(time).ThenByDescending(e => e.Id),
            project,
            positionOf);
    }

    /// <summary><c>e => time(e) &lt; p.CreatedAt || (time(e) == p.CreatedAt &amp;&amp; e.Id.CompareTo(p.Id) &lt; 0)</c>.</summary>
    private static Expression<Func<TEntity, bool>> After<TEntity>(Expression<Func<TEntity, DateTimeOffset>> time, KeysetPosition position)
        where TEntity : Entity
    {
        var entity = time.Parameters[0];
        // Read through a captured object, as a lambda's closure would be: EF sends the values as parameters.
        var bound = Expression.Constant(new Bound(position.CreatedAt, position.Id));
        var at = Expression.Property(bound, nameof(Bound.At));
        var id = Expression.Property(bound, nameof(Bound.Id));
        var entityId = Expression.Property(entity, nameof(Entity.Id));
        var body = Expression.OrElse(
            Expression.LessThan(time.Body, at),
            Expression.AndAlso(
                Expression.Equal(time.Body, at),
                Expression.LessThan(Expression.Call(entityId, GuidCompareTo, id), Expression.Constant(0))));
        return Expression.Lambda<Func<TEntity, bool>>(body, entity);
    }

    private sealed record Bound(DateTimeOffset At, Guid Id);
}
