using Platform.Application.Common.Messaging;
using Platform.Application.Common.Paging;
using Platform.Application.Common.Security;
using Platform.Domain.Identity;

namespace Platform.Application.Webhooks.Queries.ListWebhookMessages;

/// <summary>An endpoint's delivery log, newest first, in keyset pages; <see cref="Status"/> (pending, delivered, failed) filters it.</summary>
[RequiresRole(Role.Admin)]
public sealed record ListWebhookMessagesQuery(Guid EndpointId, string? Status = null, int PageSize = PagingDefaults.PageSize, string? Cursor = null)
    : IQuery<Page<WebhookMessageDto>>;
