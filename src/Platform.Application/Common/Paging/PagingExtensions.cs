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
        KeysetList<TEntity, TDto> list,
        CursorCodec cursors,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(paging);
        ArgumentNullException.ThrowIfNull(list);
        ArgumentNullException.ThrowIfNull(cursors);
        var size = paging.PageSize;
        if (paging.Cursor is not null)
        {
            return await source.ToKeysetPageAsync(size, cursors.Decode(paging.Cursor, list.CursorScope), list, cursors, cancellationToken);
        }

        var page = paging.Page ?? 1;
        var total = await source.LongCountAsync(cancellationToken);
        var skip = (long)(page - 1) * size;
        var items = skip >= total
            ? []
            : await list.Project(list.NewestFirst(source).Skip((int)Math.Min(skip, int.MaxValue)).Take(size)).ToListAsync(cancellationToken);
        var next = items.Count > 0 && skip + items.Count < total
            ? cursors.Encode(list.PositionOf(items[^1]), list.CursorScope)
            : null;
        return Page<TDto>.Offset(items, total, page, size, next);
    }

    /// <summary>A newest-first keyset page after the position of <paramref name="cursor"/> (from the start when null); a cursor of another list is refused.</summary>
    public static Task<Page<TDto>> ToKeysetPageAsync<TEntity, TDto>(
        this IQueryable<TEntity> source,
        int pageSize,
        string? cursor,
        KeysetList<TEntity, TDto> list,
        CursorCodec cursors,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(list);
        ArgumentNullException.ThrowIfNull(cursors);
        return source.ToKeysetPageAsync(pageSize, cursor is null ? null : cursors.Decode(cursor, list.CursorScope), list, cursors, cancellationToken);
    }

    /// <summary>A newest-first keyset page starting strictly after <paramref name="position"/> (from the start when null).</summary>
    public static async Task<Page<TDto>> ToKeysetPageAsync<TEntity, TDto>(
        this IQueryable<TEntity> source,
        int pageSize,
        KeysetPosition? position,
        KeysetList<TEntity, TDto> list,
        CursorCodec cursors,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(list);
        ArgumentNullException.ThrowIfNull(cursors);
        var filtered = position is { } p ? list.After(source, p) : source;
        var rows = await list.Project(list.NewestFirst(filtered)).Take(pageSize + 1).ToListAsync(cancellationToken);
        return KeysetPage(rows, pageSize, list, cursors);
    }

    /// <summary>
    /// The keyset page of <paramref name="rows"/>, read as up to <paramref name="pageSize"/> + 1 rows in the list's
    /// order: the extra row only says that there is a next page.
    /// </summary>
    public static Page<TDto> KeysetPage<TEntity, TDto>(List<TDto> rows, int pageSize, KeysetList<TEntity, TDto> list, CursorCodec cursors)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(list);
        ArgumentNullException.ThrowIfNull(cursors);
        var hasMore = rows.Count > pageSize;
        var items = hasMore ? rows[..pageSize] : rows;
        return Page<TDto>.Keyset(items, pageSize, hasMore ? cursors.Encode(list.PositionOf(items[^1]), list.CursorScope) : null);
    }
}
