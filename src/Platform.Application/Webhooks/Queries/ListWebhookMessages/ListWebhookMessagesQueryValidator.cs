using FluentValidation;
using Platform.Application.Common.Paging;

namespace Platform.Application.Webhooks.Queries.ListWebhookMessages;

internal sealed class ListWebhookMessagesQueryValidator : AbstractValidator<ListWebhookMessagesQuery>
{
    public ListWebhookMessagesQueryValidator()
    {
        RuleFor(x => x.PageSize).InclusiveBetween(1, PagingDefaults.MaxPageSize)
            .WithMessage($"page_size must be between 1 and {PagingDefaults.MaxPageSize}.");
        RuleFor(x => x.Cursor).MaximumLength(200).When(x => x.Cursor is not null);
        RuleFor(x => x.Status).Must(s => ListWebhookMessagesQueryHandler.StatusOf(s) is not null).When(x => x.Status is not null)
            .WithMessage("status must be pending, delivered or failed.");
    }
}
