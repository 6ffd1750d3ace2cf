using FluentValidation;
using Platform.Application.Common.Paging;
using Platform.Domain.Identity;

namespace Platform.Application.Email.Queries.ListEmailEvents;

internal sealed class ListEmailEventsQueryValidator : AbstractValidator<ListEmailEventsQuery>
{
    public ListEmailEventsQueryValidator()
    {
        RuleFor(x => x.PageSize).InclusiveBetween(1, PagingDefaults.MaxPageSize)
            .WithMessage($"page_size must be between 1 and {PagingDefaults.MaxPageSize}.");
        RuleFor(x => x.Cursor).MaximumLength(200).When(x => x.Cursor is not null);
        RuleFor(x => x.Kind).Must(k => EmailEventKinds.ByName.ContainsKey(k!)).When(x => x.Kind is not null)
            .WithMessage($"kind must be one of: {EmailEventKinds.List}.");
        RuleFor(x => x.Recipient).Must(r => r!.Trim().Length is >= 3 and <= EmailAddress.MaxLength).When(x => x.Recipient is not null)
            .WithMessage("recipient must be an email address.");
    }
}
