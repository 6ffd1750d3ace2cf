using FluentValidation;
using Platform.Application.Common.Paging;

namespace Platform.Application.Status.Queries.ListIncidents;

internal sealed class ListIncidentsQueryValidator : AbstractValidator<ListIncidentsQuery>
{
    public ListIncidentsQueryValidator()
    {
        this.AddPagingRules();
    }
}
