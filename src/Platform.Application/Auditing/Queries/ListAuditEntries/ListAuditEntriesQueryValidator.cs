using FluentValidation;
using Platform.Application.Common.Validation;
using Platform.Application.Common.Paging;

namespace Platform.Application.Auditing.Queries.ListAuditEntries;

internal sealed class ListAuditEntriesQueryValidator : AbstractValidator<ListAuditEntriesQuery>
{
    public ListAuditEntriesQueryValidator()
    {
        RuleFor(x => x.PageSize).InclusiveBetween(1, PagingDefaults.MaxPageSize)
            .WithMessage($"page_size must be between 1 and {PagingDefaults.MaxPageSize}.");
        RuleFor(x => x.Action).MaximumLength(100).SingleLine();
        RuleFor(x => x.ResourceType).MaximumLength(100).SingleLine();
        RuleFor(x => x.To).GreaterThan(x => x.From).When(x => x.From is not null && x.To is not null)
            .WithMessage("to must be later than from.");
    }
}
