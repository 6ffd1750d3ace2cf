using System.Text.Json.Serialization;

namespace Platform.Application.Common.Paging;

/// <summary>
/// A page of results. Offset pages carry <c>total</c>, <c>page</c> and <c>pages</c>; keyset pages leave them out.
/// Both carry <c>next_cursor</c>, null on the last page.
/// </summary>
public sealed record Page<T>(
    IReadOnlyList<T> Items,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] long? Total,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull), JsonPropertyName("page")] int? PageNumber,
    int PageSize,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] int? Pages,
    string? NextCursor)
{
    public static Page<T> Offset(IReadOnlyList<T> items, long total, int page, int pageSize, string? nextCursor) =>
        new(items, total, page, pageSize, (int)((total + pageSize - 1) / pageSize), nextCursor);

    /// <summary>The same page with each item mapped (for projections EF cannot translate).</summary>
    public Page<TOut> Map<TOut>(Func<T, TOut> map) => new([.. Items.Select(map)], Total, PageNumber, PageSize, Pages, NextCursor);

    public static Page<T> Keyset(IReadOnlyList<T> items, int pageSize, string? nextCursor) =>
        new(items, null, null, pageSize, null, nextCursor);
}
