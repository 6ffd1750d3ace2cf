namespace Platform.Application.Common.Paging;

/// <summary>
/// How one newest-first list pages: the cursor scope (a cursor from another list is refused), the "strictly after
/// this position" filter, the newest-first order with the id as tie-breaker, the projection to DTOs in SQL
/// (<c>q => q.ProjectToType&lt;TDto&gt;(mapper.Config)</c>), and where a row sits.
/// </summary>
public sealed record KeysetList<TEntity, TDto>(
    string CursorScope,
    Func<IQueryable<TEntity>, KeysetPosition, IQueryable<TEntity>> After,
    Func<IQueryable<TEntity>, IOrderedQueryable<TEntity>> NewestFirst,
    Func<IQueryable<TEntity>, IQueryable<TDto>> Project,
    Func<TDto, KeysetPosition> PositionOf);
