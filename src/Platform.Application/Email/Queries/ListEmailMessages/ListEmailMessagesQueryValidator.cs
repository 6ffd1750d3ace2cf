using FluentValidation;
using Platform.Application.Common.Paging;
using Platform.Domain.Identity;

namespace Platform.Application.Email.Queries.ListEmailMessages;

internal sealed class ListEmailMessagesQueryValidator : AbstractValidator<ListEmailMessagesQuery>
{
    public ListEmailMessagesQueryValidator()
    {
        RuleFor(x => x.PageSize).InclusiveBetween(1, PagingDefaults.MaxPageSize)
            .WithMessage($"page_size must be between 1 and {PagingDefaults.MaxPageSize}.");
        RuleFor(x => x.Cursor).MaximumLength(200).When(x => x.Cursor is not null);
        RuleFor(x => x.Status).Must(s => EmailStatuses.ByName.ContainsKey(s!)).When(x => x.Status is not null)
            .WithMessage($"status must be one of: {EmailStatuses.List}.");
        RuleFor(x => x.Recipient).Must(r => r!.Trim().Length is >= 3 and <= EmailAddress.MaxLength).When(x => x.Recipient is not null)
            .WithMessage("recipient must be an email address.");
        RuleFor(x => x.To).GreaterThan(x => x.From).When(x => x.From is not null && x.To is not null)
            .WithMessage("to must be later than from.");
    }
}
