using FluentValidation;
using Platform.Application.Common.Paging;

namespace Platform.Application.Inbound.Queries.ListInboundEvents;

internal sealed class ListInboundEventsQueryValidator : AbstractValidator<ListInboundEventsQuery>
{
    public ListInboundEventsQueryValidator()
    {
        RuleFor(x => x.PageSize).InclusiveBetween(1, PagingDefaults.MaxPageSize)
            .WithMessage($"page_size must be between 1 and {PagingDefaults.MaxPageSize}.");
        RuleFor(x => x.Cursor).MaximumLength(200).When(x => x.Cursor is not null);
        RuleFor(x => x.Source).MaximumLength(50).When(x => x.Source is not null).WithMessage("source must be at most 50 characters.");
        RuleFor(x => x.Type).MaximumLength(200).When(x => x.Type is not null).WithMessage("type must be at most 200 characters.");
        RuleFor(x => x.Status).Must(s => InboundStatuses.ByName.ContainsKey(s!)).When(x => x.Status is not null)
            .WithMessage($"status must be one of: {InboundStatuses.List}.");
    }
}
