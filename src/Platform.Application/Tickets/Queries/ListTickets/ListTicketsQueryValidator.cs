using FluentValidation;
using Platform.Application.Common.Paging;

namespace Platform.Application.Tickets.Queries.ListTickets;

internal sealed class ListTicketsQueryValidator : AbstractValidator<ListTicketsQuery>
{
    public ListTicketsQueryValidator()
    {
        this.AddPagingRules();
        RuleFor(x => x.Status).ValidStatus().When(x => x.Status is not null);
        RuleFor(x => x.Priority).ValidPriority().When(x => x.Priority is not null);
    }
}
