using FluentValidation;
using Platform.Application.Common.Paging;

namespace Platform.Application.Tickets.Queries.ListTicketComments;

internal sealed class ListTicketCommentsQueryValidator : AbstractValidator<ListTicketCommentsQuery>
{
    public ListTicketCommentsQueryValidator()
    {
        this.AddPagingRules();
    }
}
