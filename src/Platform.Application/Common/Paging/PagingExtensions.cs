using Microsoft.EntityFrameworkCore;

namespace Platform.Application.Common.Paging;

public static class PagingExtensions
{
    /// <summary>
    /// Runs a newest-first list as an offset page (with total) or, when a cursor is given, as a keyset page that
    /// starts strictly after the cursor's (created_at, id), so rows added meanwhile never shift it.
    /// </summary>
    public static async Task<Page<TDto>> ToPageAsync<TEntity, TDto>(
        this IQueryable<TEntity> source,
        IPagedQuery paging,
        CursorCodec cursors,
        string cursorScope,
        Func<IQueryable<TEntity>, KeysetPosition, IQueryable<TEntity>> after,
        Func<IQueryable<TEntity>, IOrderedQueryable<TEntity>> newestFirst,
        System.Linq.Expressions.Expression<Func<TEntity, TDto>> projection,
        Func<TDto, KeysetPosition> positionOf,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(paging);
        ArgumentNullException.ThrowIfNull(cursors);
        ArgumentNullException.ThrowIfNull(after);
        ArgumentNullException.ThrowIfNull(newestFirst);
        ArgumentNullException.ThrowIfNull(positionOf);
        var size = paging.PageSize;
        if (paging.Cursor is not null)
        {
            return await source.ToKeysetPageAsync(
                size, cursors.Decode(paging.Cursor, cursorScope), cursors, cursorScope, after, newestFirst, projection, positionOf, cancellationToken);
        }

        var page = paging.Page ?? 1;
        var total = await source.LongCountAsync(cancellationToken);
        var skip = (long)(page - 1) * size;
        var pageItems = skip >= total
            ? []
            : await newestFirst(source).Skip((int)Math.Min(skip, int.MaxValue)).Take(size).Select(projection).ToListAsync(cancellationToken);
        var next = pageItems.Count > 0 && skip + pageItems.Count < total
            ? cursors.Encode(positionOf(pageItems[^1]), cursorScope)
            : null;
        return Page<TDto>.Offset(pageItems, total, page, size, next);
    }

    /// <summary>A newest-first keyset page starting strictly after <paramref name="position"/> (from the start when null).</summary>
    public static async Task<Page<TDto>> ToKeysetPageAsync<TEntity, TDto>(
        this IQueryable<TEntity> source,
        int pageSize,
        KeysetPosition? position,
        CursorCodec cursors,
        string cursorScope,
        Func<IQueryable<TEntity>, KeysetPosition, IQueryable<TEntity>> after,
        Func<IQueryable<TEntity>, IOrderedQueryable<TEntity>> newestFirst,
        System.Linq.Expressions.Expression<Func<TEntity, TDto>> projection,
        Func<TDto, KeysetPosition> positionOf,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(cursors);
        ArgumentNullException.ThrowIfNull(after);
        ArgumentNullException.ThrowIfNull(newestFirst);
        ArgumentNullException.ThrowIfNull(positionOf);
        var filtered = position is { } p ? after(source, p) : source;
        var rows = await newestFirst(filtered).Select(projection).Take(pageSize + 1).ToListAsync(cancellationToken);
        var hasMore = rows.Count > pageSize;
        var items = hasMore ? rows[..pageSize] : rows;
        return Page<TDto>.Keyset(items, pageSize, hasMore ? cursors.Encode(positionOf(items[^1]), cursorScope) : null);
    }
}
