using FluentValidation;
using Platform.Application.Common.Paging;
using Platform.Application.Common.Validation;

namespace Platform.Application.Identity.Queries.ListUsers;

internal sealed class ListUsersQueryValidator : AbstractValidator<ListUsersQuery>
{
    public ListUsersQueryValidator()
    {
        this.AddPagingRules();
        RuleFor(x => x.Email!).MaximumLength(320).SingleLine().When(x => x.Email is not null);
    }
}
