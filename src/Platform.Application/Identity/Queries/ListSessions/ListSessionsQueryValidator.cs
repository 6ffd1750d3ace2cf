using FluentValidation;
using Platform.Application.Common.Paging;

namespace Platform.Application.Identity.Queries.ListSessions;

internal sealed class ListSessionsQueryValidator : AbstractValidator<ListSessionsQuery>
{
    public ListSessionsQueryValidator()
    {
        this.AddPagingRules();
    }
}
