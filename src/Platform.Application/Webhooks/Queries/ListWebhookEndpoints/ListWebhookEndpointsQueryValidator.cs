using FluentValidation;
using Platform.Application.Common.Paging;

namespace Platform.Application.Webhooks.Queries.ListWebhookEndpoints;

internal sealed class ListWebhookEndpointsQueryValidator : AbstractValidator<ListWebhookEndpointsQuery>
{
    public ListWebhookEndpointsQueryValidator()
    {
        RuleFor(x => x.PageSize).InclusiveBetween(1, PagingDefaults.MaxPageSize)
            .WithMessage($"page_size must be between 1 and {PagingDefaults.MaxPageSize}.");
        RuleFor(x => x.Cursor).MaximumLength(200).When(x => x.Cursor is not null);
    }
}
