using FluentValidation;
using Platform.Application.Common.Paging;

namespace Platform.Application.Status.Queries.ListStatusEvents;

internal sealed class ListStatusEventsQueryValidator : AbstractValidator<ListStatusEventsQuery>
{
    public ListStatusEventsQueryValidator()
    {
        this.AddPagingRules();
    }
}
