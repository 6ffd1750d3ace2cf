using FluentValidation;
using Platform.Application.Common.Paging;
using Platform.Domain.Identity;

namespace Platform.Application.Email.Queries.ListEmailSuppressions;

internal sealed class ListEmailSuppressionsQueryValidator : AbstractValidator<ListEmailSuppressionsQuery>
{
    public ListEmailSuppressionsQueryValidator()
    {
        RuleFor(x => x.PageSize).InclusiveBetween(1, PagingDefaults.MaxPageSize)
            .WithMessage($"page_size must be between 1 and {PagingDefaults.MaxPageSize}.");
        RuleFor(x => x.Cursor).MaximumLength(200).When(x => x.Cursor is not null);
        RuleFor(x => x.Email).Must(e => e!.Trim().Length is >= 3 and <= EmailAddress.MaxLength).When(x => x.Email is not null)
            .WithMessage("email must be an email address.");
    }
}
