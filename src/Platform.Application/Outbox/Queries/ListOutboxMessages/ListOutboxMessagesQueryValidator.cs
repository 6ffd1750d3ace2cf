using FluentValidation;
using Platform.Application.Common.Outbox;
using Platform.Application.Common.Paging;

namespace Platform.Application.Outbox.Queries.ListOutboxMessages;

internal sealed class ListOutboxMessagesQueryValidator : AbstractValidator<ListOutboxMessagesQuery>
{
    public ListOutboxMessagesQueryValidator()
    {
        RuleFor(x => x.Status).Must(s => s is OutboxStatus.Pending or OutboxStatus.Failed)
            .WithMessage($"status must be one of: {OutboxStatus.Pending}, {OutboxStatus.Failed}.");
        RuleFor(x => x.PageSize).InclusiveBetween(1, PagingDefaults.MaxPageSize)
            .WithMessage($"page_size must be between 1 and {PagingDefaults.MaxPageSize}.");
    }
}
