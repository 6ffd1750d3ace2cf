using FluentValidation;
using Platform.Application.Common.Paging;

namespace Platform.Application.Status.Queries.ListMaintenances;

internal sealed class ListMaintenancesQueryValidator : AbstractValidator<ListMaintenancesQuery>
{
    public ListMaintenancesQueryValidator()
    {
        this.AddPagingRules();
    }
}
