using FluentValidation;

namespace Platform.Application.Common.Paging;

/// <summary>The paging rules every list query's validator includes.</summary>
public static class PagedQueryValidation
{
    public static void AddPagingRules<T>(this AbstractValidator<T> validator)
        where T : IPagedQuery
    {
        validator.RuleFor(x => x.Page).GreaterThanOrEqualTo(1).When(x => x.Page is not null)
            .WithMessage("page must be 1 or more.");
        validator.RuleFor(x => x.PageSize).InclusiveBetween(1, PagingDefaults.MaxPageSize)
            .WithMessage($"page_size must be between 1 and {PagingDefaults.MaxPageSize}.");
        validator.RuleFor(x => x.Cursor).MaximumLength(200).When(x => x.Cursor is not null);
        validator.RuleFor(x => x.Page).Null().When(x => x.Cursor is not null)
            .WithMessage("Send either page or cursor, not both.");
    }
}
