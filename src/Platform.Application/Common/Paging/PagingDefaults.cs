namespace Platform.Application.Common.Paging;

public static class PagingDefaults
{
    public const int PageSize = 20;
    public const int MaxPageSize = 100;
}
