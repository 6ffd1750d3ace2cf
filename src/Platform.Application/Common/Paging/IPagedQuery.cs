namespace Platform.Application.Common.Paging;

/// <summary>
/// Paging input shared by list queries: offset pages (<c>page</c>, <c>page_size</c>) or keyset pages
/// (<c>cursor</c>, <c>page_size</c>). A cursor wins over a page number.
/// </summary>
public interface IPagedQuery
{
    int? Page { get; }

    int PageSize { get; }

    string? Cursor { get; }
}
