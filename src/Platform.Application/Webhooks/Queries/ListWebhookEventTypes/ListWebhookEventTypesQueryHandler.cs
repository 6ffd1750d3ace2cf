using MediatR;
using Platform.Application.Common.Messaging;

namespace Platform.Application.Webhooks.Queries.ListWebhookEventTypes;

internal sealed class ListWebhookEventTypesQueryHandler : IRequestHandler<ListWebhookEventTypesQuery, ItemsDto<WebhookEventTypeDto>>
{
    public Task<ItemsDto<WebhookEventTypeDto>> Handle(ListWebhookEventTypesQuery request, CancellationToken cancellationToken) =>
        Task.FromResult(new ItemsDto<WebhookEventTypeDto>(WebhookEventCatalogue.All));
}
